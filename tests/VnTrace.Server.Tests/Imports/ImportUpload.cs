using System.Net;
using System.Net.Http.Headers;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Imports;

/// <summary>The import page as a person uses it: upload a file for a kind, read the report, then confirm.</summary>
public static class ImportUpload
{
    private const string UploadAction = "/workspace/imports?handler=Upload";

    /// <summary>Uploads <paramref name="content"/> as <paramref name="kind"/>; returns the report page's HTML and the kept file's id (null when the upload itself was refused).</summary>
    public static async Task<(string Html, Guid? FileId)> UploadImportAsync(this PageClient pages, string kind, byte[] content, string fileName)
    {
        var html = await pages.GetPageAsync(PageOf(kind));
        var token = PageClient.FindForm(html, UploadAction)!.AntiforgeryToken!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), PageClient.AntiforgeryField },
            { new StringContent(kind), "kind" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "upload", fileName);
        using var response = await pages.Http.PostAsync(UploadAction, form);
        if (response.StatusCode == HttpStatusCode.OK)
            return (WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), null);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var id = Guid.Parse(location[(location.IndexOf("file=", StringComparison.Ordinal) + 5)..]);
        return (WebUtility.HtmlDecode(await pages.GetPageAsync(location)), id);
    }

    /// <summary>Confirms an uploaded file: <paramref name="mode"/> "all" (all-or-nothing) or "valid" (the valid rows only).</summary>
    public static Task<HttpResponseMessage> ConfirmImportAsync(this PageClient pages, string kind, Guid fileId, string mode) =>
        pages.SubmitFormAsync($"{PageOf(kind)}&file={fileId}", [new("mode", mode)], formAction: "/workspace/imports?handler=Import");

    private static string PageOf(string kind) => "/workspace/imports?kind=" + kind;
}
