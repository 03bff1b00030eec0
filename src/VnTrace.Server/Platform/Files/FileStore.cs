using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Platform.Files;

/// <summary>What kind of upload a form accepts.</summary>
public enum FilePurpose
{
    /// <summary>JPEG, PNG or WebP, up to 5 MB.</summary>
    Image,
    /// <summary>PDF, JPEG or PNG (a certificate scan), up to 10 MB.</summary>
    Document,
}

/// <summary>The result of an upload: the stored file, or why it was refused (a message key of SharedText).</summary>
public sealed record FileUpload(StoredFile? File, string? ErrorKey);

/// <summary>
/// Keeps uploads in the database. The type is decided from the file's first bytes, never from its name or the
/// browser's claim, so a script renamed .png is refused.
/// </summary>
public sealed class FileStore(VnTraceDbContext db)
{
    public const long MaxImageBytes = 5 * 1024 * 1024;
    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>Reads and checks an upload and adds it to the unit of work (the caller saves with its own change).</summary>
    public async Task<FileUpload> AddAsync(Guid organizationId, IFormFile upload, FilePurpose purpose, bool isPublic, CancellationToken ct)
    {
        var max = purpose == FilePurpose.Image ? MaxImageBytes : MaxDocumentBytes;
        if (upload.Length == 0)
            return new FileUpload(null, "File.Empty");
        if (upload.Length > max)
            return new FileUpload(null, purpose == FilePurpose.Image ? "File.ImageTooLarge" : "File.DocumentTooLarge");
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var type = Sniff(content);
        var allowed = purpose == FilePurpose.Image
            ? type is "image/jpeg" or "image/png" or "image/webp"
            : type is "application/pdf" or "image/jpeg" or "image/png";
        if (type is null || !allowed)
            return new FileUpload(null, purpose == FilePurpose.Image ? "File.NotAnImage" : "File.NotADocument");
        var file = new StoredFile
        {
            OrganizationId = organizationId,
            FileName = SafeName(upload.FileName),
            ContentType = type,
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            Public = isPublic,
        };
        db.Files.Add(file);
        return new FileUpload(file, null);
    }

    /// <summary>The content type from the magic number, or null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b) => b switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        _ => null,
    };

    private static string SafeName(string name)
    {
        var justName = Path.GetFileName(name.Replace('\\', '/'));
        var cleaned = new string(justName.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>')).ToArray()).Trim();
        return cleaned.Length == 0 ? "file" : cleaned.Length > 200 ? cleaned[^200..] : cleaned;
    }
}

public static class FilesApi
{
    public static WebApplicationBuilder AddFiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FileStore>();
        return builder;
    }

    /// <summary>GET /files/{id}: public files to anyone; the others to their organization's users and the authority.</summary>
    public static WebApplication MapFilesApi(this WebApplication app)
    {
        app.MapGet("/files/{id:guid}", GetFileAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, StatusCodeHttpResult>> GetFileAsync(
        Guid id, HttpContext http, VnTraceDbContext db, CancellationToken ct)
    {
        var file = await db.Files.IgnoreTenantFilter("public files go to anyone; the others are checked against the caller below")
            .FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
            return TypedResults.NotFound();
        if (!file.Public)
        {
            var user = http.User;
            var allowed = user.Identity?.IsAuthenticated == true
                && (user.FindOrganizationId() == file.OrganizationId || user.IsAuthorityReader());
            // Not found rather than forbidden: another business must not learn that the file exists.
            if (!allowed)
                return TypedResults.NotFound();
        }
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue('"' + file.Sha256 + '"');
        http.Response.Headers.CacheControl = file.Public ? "public, max-age=86400" : "private, max-age=300";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.ContentType, file.ContentType == "application/pdf" ? file.FileName : null,
            entityTag: etag);
    }
}
