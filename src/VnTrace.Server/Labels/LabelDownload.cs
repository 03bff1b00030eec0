using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace VnTrace.Server.Labels;

/// <summary>
/// A file download written straight to the response as it is made (a sheet of 100,000 labels is never held whole):
/// <c>Content-Disposition: attachment</c>, not cached. A failure after the first bytes aborts the connection, so the
/// browser reports a failed download instead of saving a truncated file.
/// </summary>
public sealed class LabelDownload(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var response = http.Response;
        response.ContentType = contentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "private, no-store";
        try
        {
            await write(response.Body, http.RequestAborted);
        }
        catch when (response.HasStarted)
        {
            http.Abort();
            throw;
        }
    }

    /// <summary>A file name from a lot number: GS1 AI 82 allows characters (/, ", *, …) a file name must not carry.</summary>
    public static string FileName(string prefix, string lotNumber, string extension)
    {
        var name = new StringBuilder(prefix).Append('-');
        foreach (var c in lotNumber)
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        return name.Append('.').Append(extension).ToString();
    }
}
