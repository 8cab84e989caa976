namespace Zwarm.Core.Sessions;

internal enum FileKind
{
    Regular,
    Directory,
    Link,
    /// <summary>A FIFO, socket or device: never opened by the store.</summary>
    Special,
}
