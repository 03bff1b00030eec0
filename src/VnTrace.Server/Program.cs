using VnTrace.Server.Capture;
using VnTrace.Server.Demo;
using VnTrace.Server.Exports;
using VnTrace.Server.Identity;
using VnTrace.Server.Labels;
using VnTrace.Server.Locations;
using VnTrace.Server.Lookup;
using VnTrace.Server.Organizations;
using VnTrace.Server.Certificates;
using VnTrace.Server.Gs1Allocation;
using VnTrace.Server.Imports;
using VnTrace.Server.Lots;
using VnTrace.Server.Products;
using VnTrace.Server.Programme;
using VnTrace.Server.Platform.Api;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Files;
using VnTrace.Server.Platform.Web;
using VnTrace.Server.Query;
using VnTrace.Server.Recall;
using VnTrace.Server.Resolver;
using VnTrace.Server.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.AddData();
builder.AddHealth();
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
builder.AddOrganizations();
builder.AddGs1Allocation();
builder.AddLocations();
builder.AddProducts();
builder.AddCertificates();
builder.AddImports();
builder.AddLots();
builder.AddFiles();
builder.AddResolver();
builder.AddLookup();
builder.AddProgramme();

var app = builder.Build();
await app.MigrateDatabaseAsync();
await app.EnsureRolesAsync();
await app.EnsureProgrammeAsync();
if (AdminCommands.IsAdminCommand(args))
{
    Environment.ExitCode = await AdminCommands.RunAsync(app.Services, args, Console.Out);
    return;
}
await app.SeedDemoAsync();

app.UseTransportSecurity();
app.UseSecurityHeaders();
app.UseEpcisProblems();
app.UseWebInterface();
app.UseAuthentication();
app.UseAuthorization();
app.UseLookup();

app.MapStaticAssets();
app.MapApiDocs();
app.MapHealth();
app.MapCaptureApi();
app.MapQueryApi();
app.MapTraceApi();
app.MapExportsApi();
app.MapRecallApi();
app.MapFilesApi();
app.MapResolver();
app.MapLookupApi();
app.MapProgrammeApi();
app.MapWebInterface();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
