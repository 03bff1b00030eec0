using VnTrace.Server.Api;
using VnTrace.Server.Capture;
using VnTrace.Server.Data;
using VnTrace.Server.Demo;
using VnTrace.Server.Exports;
using VnTrace.Server.Files;
using VnTrace.Server.Identity;
using VnTrace.Server.Labels;
using VnTrace.Server.Lookup;
using VnTrace.Server.Query;
using VnTrace.Server.Recall;
using VnTrace.Server.Resolver;
using VnTrace.Server.Shared;
using VnTrace.Server.Trace;
using VnTrace.Server.Workspace;

var builder = WebApplication.CreateBuilder(args);
builder.AddData();
builder.AddEpcisProblems();
builder.AddIdentityAndKeys();
builder.AddCapture();
builder.AddQuery();
builder.AddTrace();
builder.AddExports();
builder.AddRecall();
builder.AddLabels();
builder.AddApiDocs();
builder.AddWebInterface();
builder.AddWorkspace();
builder.AddFiles();
builder.AddResolver();
builder.AddLookup();

var app = builder.Build();
await app.MigrateDatabaseAsync();
await app.EnsureRolesAsync();
if (AdminCommands.IsAdminCommand(args))
{
    Environment.ExitCode = await AdminCommands.RunAsync(app.Services, args, Console.Out);
    return;
}
await app.SeedDemoAsync();

app.UseTransportSecurity();
app.UseEpcisProblems();
app.UseStaticFiles();
app.UseWebInterface();
app.UseAuthentication();
app.UseAuthorization();
app.UseLookup();

app.MapApiDocs();
app.MapGet("/health", () => TypedResults.Text("ok")).ExcludeFromDescription();
app.MapCaptureApi();
app.MapQueryApi();
app.MapTraceApi();
app.MapExportsApi();
app.MapRecallApi();
app.MapFilesApi();
app.MapResolver();
app.MapLookupApi();
app.MapWebInterface();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
