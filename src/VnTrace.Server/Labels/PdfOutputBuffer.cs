using System.Buffers;

namespace VnTrace.Server.Labels;

/// <summary>
/// The stream Skia's PDF writer writes into, synchronously; the renderer empties it into the real output
/// asynchronously after every page (ASP.NET Core refuses synchronous writes to a response body), so it never holds
/// more than one page.
/// </summary>
internal sealed class PdfOutputBuffer : Stream
{
    private readonly ArrayBufferWriter<byte> buffer = new(256 * 1024);

    /// <summary>Bytes already handed on to the output.</summary>
    public long Written { get; private set; }

    public async Task DrainToAsync(Stream output, CancellationToken cancellationToken)
    {
        if (buffer.WrittenCount == 0)
            return;
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        Written += buffer.WrittenCount;
        buffer.ResetWrittenCount();
    }

    public override void Write(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    public override void Write(byte[] bytes, int offset, int count) => Write(bytes.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Written + buffer.WrittenCount;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] bytes, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
