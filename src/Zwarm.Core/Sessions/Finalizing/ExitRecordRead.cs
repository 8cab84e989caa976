namespace Zwarm.Core.Sessions.Finalizing;

/// <summary>What reading a turn's exit record found.</summary>
internal enum ExitRecordState
{
    /// <summary>No record: the supervisor never reached the turn's end (or never started).</summary>
    Missing,
    /// <summary>A valid record.</summary>
    Valid,
    /// <summary>A record was begun but is empty or invalid (e.g. a full disk): the exit status is lost.</summary>
    Unreadable,
}

/// <summary>The exit record as read from turns/turn_N.exit.json (or the supervisor's reserved .tmp when the rename failed).</summary>
internal sealed record ExitRecordRead(ExitRecordState State, ExitRecord? Record)
{
    public static readonly ExitRecordRead Missing = new(ExitRecordState.Missing, null);

    public static readonly ExitRecordRead Unreadable = new(ExitRecordState.Unreadable, null);

    public static ExitRecordRead Valid(ExitRecord record) => new(ExitRecordState.Valid, record);
}
