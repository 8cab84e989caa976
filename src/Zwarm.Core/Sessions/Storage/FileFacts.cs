namespace Zwarm.Core.Sessions;

/// <summary>What lstat says about a path: its type, owner (-1 unknown), permission bits and inode (0 unknown).</summary>
internal readonly record struct FileFacts(FileKind Kind, int OwnerId, UnixFileMode Mode, ulong Inode);
