using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Certificates;
using VnTrace.Server.Locations;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Bench;

/// <summary>
/// Suite 4: the GS1 Digital Link resolver under load on PostgreSQL with the query suite's 1,000,000-event store, driven
/// by wrk (64 connections, 30 s per run): the consumer page of a lot (browser Accept, cached per URI and language,
/// every view counted as a scan), the same lot's linkset, the per-unit pages of random serials of the store (built
/// for each view: verdict from earlier scans, journey from the store), and in the same run the same server's
/// GET /health as the ceiling.
/// </summary>
public sealed partial class ResolverSuite(BenchOptions o, PostgresServer pg, string serverDll)
{
    private const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private const string Phone = "Mozilla/5.0 (Linux; Android 14; bench) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36";
    private const string Lot = "BENCH-2501";

    public sealed record WrkResult(string Name, double RequestsPerSecond, double P50, double P75, double P90, double P99, long Requests,
        long Errors, double KiBPerResponse, CpuUsage Cpu, string Command);

    public async Task<string> RunAsync()
    {
        EnsureWrk();
        var cs = await pg.CreateDatabaseAsync("bench_resolver");
        var (owner, key) = await ServerProcess.CreateTenantAsync(serverDll, cs, "HTX Cà phê Bench");
        var (epcs, fill) = await QuerySuite.FillAsync(o, cs, owner);
        var gtin = GtinOf(EventGenerator.Sgtin(0, 1));
        await SeedMasterDataAsync(cs, owner, gtin);
        var lotPath = $"/01/{gtin}/10/{Lot}";

        // All load comes from 127.0.0.1: the per-address limits that stop one phone's flood would stop the benchmark.
        // Every view is counted, as when thousands of phones scan.
        var environment = new Dictionary<string, string>
        {
            ["VnTrace__Lookup__UncachedRequestsPerMinutePerAddress"] = "0",
            ["VnTrace__Lookup__ScansPerMinutePerAddress"] = "1000000000",
        };
        var results = new List<WrkResult>();
        long scansDuringPage = 0;
        string pageCheck;
        await using (var server = await ServerProcess.StartAsync(serverDll, cs, TimeSpan.FromSeconds(90), environment))
        {
            await CaptureLotStoryAsync(server.BaseAddress, key, gtin);
            pageCheck = await CheckPageAsync(server.BaseAddress, lotPath);
            var serialPaths = epcs.Take(2000).Select(e => new Uri(EpcDigitalLink.TryToCanonicalDigitalLink(e, out var dl) ? dl : throw new InvalidOperationException(e)).AbsolutePath).ToList();
            var script = WriteScript(serialPaths);
            var cpu = () => new CpuMeter(server.ProcessId, pg.Port);
            var runs = new (string Name, string Path, string? Accept, string? Script)[]
            {
                ("GET /health (ceiling)", "/health", null, null),
                ($"GET {lotPath} — consumer page of a lot, browser Accept (cached; every view counted as a scan)", lotPath, Browser, null),
                ($"GET {lotPath}?linkType=all — linkset (cached)", lotPath + "?linkType=all", null, null),
                ("GET /01/{gtin}/21/{serial} — per-unit pages of 2,000 random serials of the store (built per view: verdict + journey)", "/", Browser, script),
            };
            foreach (var run in runs)
            {
                // A short warm-up fills the cache and the JIT; the measured run follows at once.
                await WrkAsync(server.BaseAddress, run.Path, run.Accept, run.Script, Math.Max(3, o.ResolverSeconds / 6), null);
                var before = await Db.ScalarAsync(cs, "SELECT count(*) FROM scans");
                Run.Log($"resolver: {run.Name}, {o.ResolverConnections} connections, {o.ResolverSeconds} s");
                var result = await WrkAsync(server.BaseAddress, run.Path, run.Accept, run.Script, o.ResolverSeconds, cpu());
                results.Add(result with { Name = run.Name });
                Run.Log($"resolver: {result.RequestsPerSecond:0} req/s, p50 {result.P50:0.00} ms, p99 {result.P99:0.00} ms, {result.Errors} errors");
                if (run.Path == lotPath)
                {
                    await Task.Delay(2000); // the writer's last batch
                    scansDuringPage = await Db.ScalarAsync(cs, "SELECT count(*) FROM scans") - before;
                }
            }
            File.Delete(script);
        }
        return Report(results, fill, scansDuringPage, pageCheck);
    }

    private static void EnsureWrk()
    {
        if (!File.Exists("/usr/bin/wrk") && !File.Exists("/usr/local/bin/wrk"))
            throw new InvalidOperationException("The resolver suite drives the server with wrk: apt-get install -y wrk (bench/run.sh does it).");
    }

    private static string GtinOf(string sgtin) =>
        EpcDigitalLink.TryToCanonicalDigitalLink(sgtin, out var dl) && DigitalLink.TryParse(dl, out var link, out _)
            ? link.PrimaryKey.Value : throw new InvalidOperationException(sgtin);

    private static string Key(string withoutCheckDigit) => withoutCheckDigit + Gs1CheckDigit.ComputeChar(withoutCheckDigit);

    /// <summary>Location n of the generator as a GLN (its SGLNs: company prefix 8936012, location reference n+1).</summary>
    private static string Gln(int n) => Key(EventGenerator.CompanyPrefix + (n + 1).ToString("D5", CultureInfo.InvariantCulture));

    /// <summary>What the workspace would hold: the business's address, its 20 products, 50 places with coordinates, the lot, certificates.</summary>
    private static async Task SeedMasterDataAsync(string cs, Guid owner, string gtin)
    {
        await using var db = Db.Context(cs);
        var organization = db.Organizations.Single(x => x.Id == owner);
        var province = AdministrativeUnits.Provinces.First(p => AdministrativeUnits.CommunesOf(p.Code).Count > 0);
        organization.CommuneCode = AdministrativeUnits.CommunesOf(province.Code)[0].Code;
        organization.ProvinceCode = province.Code;
        organization.AddressLine = "Thôn 3, xã Ea Tu";
        organization.Phone = "0262 3812 345";
        organization.OcopParticipant = true;
        db.Organizations.Update(organization);
        var random = new Random(7);
        var locations = Enumerable.Range(0, EventGenerator.Locations).Select(n => new Location
        {
            OrganizationId = owner,
            Name = $"Điểm {n + 1}",
            Kind = n == 0 ? LocationKind.Farm : LocationKind.Warehouse,
            Gln = Gln(n),
            Latitude = 12.5 + random.NextDouble(),
            Longitude = 107.8 + random.NextDouble(),
        }).ToList();
        db.Locations.AddRange(locations);
        var products = Enumerable.Range(0, EventGenerator.Products).Select(p => new Product
        {
            OrganizationId = owner,
            Gtin = GtinOf(EventGenerator.Sgtin(p, 1)),
            NameVi = $"Cà phê rang xay số {p + 1}",
            NameEn = $"Roasted ground coffee no. {p + 1}",
            Unit = "gói",
            Origin = "Đắk Lắk, Việt Nam",
            Brand = "Bench",
            OcopStars = 4,
            DescriptionVi = "Cà phê Robusta rang mộc, xay vừa.",
        }).ToList();
        db.Products.AddRange(products);
        var product = products.Single(p => p.Gtin == gtin);
        db.Lots.Add(new Lot
        {
            OrganizationId = owner,
            Gtin = gtin,
            LotNumber = Lot,
            ProductId = product.Id,
            LocationId = locations[0].Id,
            ProductionDate = new DateOnly(2025, 3, 1),
            ExpiryDate = new DateOnly(2026, 3, 1),
        });
        var vietgap = new Certificate { OrganizationId = owner, Kind = CertificateKind.VietGap, Number = "VG-BENCH-1", Issuer = "Trung tâm Chứng nhận", ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2099, 1, 1) };
        db.Certificates.Add(vietgap);
        db.CertificateProducts.Add(new CertificateProduct { CertificateId = vietgap.Id, ProductId = product.Id });
        await db.SaveChangesAsync();
    }

    /// <summary>The lot's own story, captured through the API: harvest, inspection, packing on a pallet, shipping, receiving, selling.</summary>
    private static async Task CaptureLotStoryAsync(Uri server, string apiKey, string gtin)
    {
        var lot = $"https://id.gs1.org/01/{gtin}/10/{Lot}";
        var pallet = $"https://id.gs1.org/00/{Key("0" + EventGenerator.CompanyPrefix + "000000001")}";
        string Place(int n) => $"https://id.gs1.org/414/{Gln(n)}";
        EpcisEvent Event(int day, string step, EpcisEventType type, EpcisAction action, int place) => new()
        {
            Type = type,
            EventTime = new DateTimeOffset(2025, 3, day, 8, 0, 0, TimeSpan.FromHours(7)),
            EventTimeZoneOffset = "+07:00",
            Action = action,
            BizStep = "urn:epcglobal:cbv:bizstep:" + step,
            ReadPoint = Place(place),
            BizLocation = Place(place),
        };
        var harvest = Event(1, "commissioning", EpcisEventType.ObjectEvent, EpcisAction.Add, 0);
        harvest.QuantityList = [new QuantityElement { EpcClass = lot, Quantity = 500, Uom = "KGM" }];
        harvest.Ilmd = [new ExtensionElement { Namespace = "https://vntrace.vn/epcis/", Prefix = "vnt", LocalName = "harvestDate", Value = "2025-03-01" }];
        var inspect = Event(2, "inspecting", EpcisEventType.ObjectEvent, EpcisAction.Observe, 1);
        inspect.QuantityList = [new QuantityElement { EpcClass = lot }];
        var pack = Event(3, "packing", EpcisEventType.AggregationEvent, EpcisAction.Add, 1);
        pack.ParentId = pallet;
        pack.QuantityList = [new QuantityElement { EpcClass = lot, Quantity = 500, Uom = "KGM" }];
        var ship = Event(4, "shipping", EpcisEventType.ObjectEvent, EpcisAction.Observe, 1);
        ship.EpcList = [pallet];
        var receive = Event(6, "receiving", EpcisEventType.ObjectEvent, EpcisAction.Observe, 2);
        receive.EpcList = [pallet];
        var sell = Event(20, "retail_selling", EpcisEventType.ObjectEvent, EpcisAction.Observe, 3);
        sell.QuantityList = [new QuantityElement { EpcClass = lot, Quantity = 2, Uom = "KGM" }];
        var document = new EpcisDocument { CreationDate = DateTimeOffset.UtcNow, Events = [harvest, inspect, pack, ship, receive, sell] };
        var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
            EpcisJsonWriter.WriteDocument(writer, document);
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/ld+json");
        var response = await http.PostAsync("/capture", content);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"Capturing the lot's story answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The page the benchmark measures is the real one: product, journey, certificates, map; its size.</summary>
    private static async Task<string> CheckPageAsync(Uri server, string path)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", Browser);
        request.Headers.TryAddWithoutValidation("User-Agent", Phone);
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        string[] expected = ["Cà phê rang xay số 1", "Hành trình sản phẩm", "Nhận hàng", "Bán lẻ", "VG-BENCH-1", "id=\"map\""];
        if (response.StatusCode != HttpStatusCode.OK || expected.Any(e => !html.Contains(e, StringComparison.Ordinal)))
            throw new InvalidOperationException($"The lot page is not what the benchmark should measure ({(int)response.StatusCode}): {html[..Math.Min(html.Length, 3000)]}");
        var steps = Regex.Count(html, "<li>\\s*<time", RegexOptions.None);
        return $"{Encoding.UTF8.GetByteCount(html) / 1024.0:0.0} KiB of HTML, {steps} journey steps, {Regex.Count(html, "badge text-bg-success")} valid certificate(s), a map of the places";
    }

    /// <summary>A wrk script that sends each request for the next of <paramref name="paths"/>, with a phone's headers.</summary>
    private static string WriteScript(IReadOnlyList<string> paths)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vntrace-resolver-{Environment.ProcessId}.lua");
        var sb = new StringBuilder("local paths = {\n");
        foreach (var p in paths)
            sb.Append("  \"").Append(p.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\",\n");
        sb.Append("}\nlocal i = math.random(#paths)\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private async Task<WrkResult> WrkAsync(Uri server, string path, string? accept, string? script, int seconds, CpuMeter? cpu)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-t2", $"-c{o.ResolverConnections}", $"-d{seconds}s", "--latency", "--timeout", "10s", "-H", "User-Agent: " + Phone])
            start.ArgumentList.Add(a);
        if (accept is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Accept: " + accept);
        }
        if (script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }
        start.ArgumentList.Add(new Uri(server, path).ToString());
        var before = cpu?.Sample();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var usage = cpu is null ? CpuUsage.None : cpu.Sample() - before!;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {output} {error}");
        var requests = long.Parse(Match(output, @"(\d+) requests in"), CultureInfo.InvariantCulture);
        var errors = (Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)") is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
            + Regex.Matches(output, @"(connect|read|write|timeout) (\d+)").Sum(x => long.Parse(x.Groups[2].Value, CultureInfo.InvariantCulture));
        var read = Bytes(Match(output, @"requests in [\d.]+\w+, ([\d.]+\w+) read"));
        return new WrkResult(path, double.Parse(Match(output, @"Requests/sec:\s+([\d.]+)"), CultureInfo.InvariantCulture),
            Latency(output, "50%"), Latency(output, "75%"), Latency(output, "90%"), Latency(output, "99%"), requests, errors,
            read / 1024.0 / Math.Max(1, requests), usage,
            "wrk " + string.Join(' ', start.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a)).Replace(server.ToString().TrimEnd('/'), "http://127.0.0.1:PORT", StringComparison.Ordinal));
    }

    private static string Match(string text, string pattern) =>
        Regex.Match(text, pattern) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"wrk output without {pattern}: {text}");

    private static double Latency(string output, string percentile)
    {
        var value = Match(output, Regex.Escape(percentile) + @"\s+([\d.]+\w+)");
        var number = double.Parse(Regex.Match(value, @"[\d.]+").Value, CultureInfo.InvariantCulture);
        return value.EndsWith("us", StringComparison.Ordinal) ? number / 1000 : value.EndsWith("ms", StringComparison.Ordinal) ? number : number * 1000;
    }

    private static double Bytes(string value)
    {
        var number = double.Parse(Regex.Match(value, @"[\d.]+").Value, CultureInfo.InvariantCulture);
        return value.EndsWith("GB", StringComparison.Ordinal) ? number * 1024 * 1024 * 1024
            : value.EndsWith("MB", StringComparison.Ordinal) ? number * 1024 * 1024
            : value.EndsWith("KB", StringComparison.Ordinal) ? number * 1024 : number;
    }

    private string Report(List<WrkResult> results, QuerySuite.FillTimes fill, long scans, string page)
    {
        var ceiling = results[0];
        var sb = new StringBuilder();
        sb.AppendLine($"### Resolver under load at {Fmt.Int(o.StoreEvents)} events");
        sb.AppendLine();
        sb.AppendLine($"Store: the query suite's generator, {Fmt.Int(o.StoreEvents)} events of one business copied in {Fmt.N(fill.Total.TotalSeconds, "0")} s, "
            + "then its master data (20 products, 50 places with coordinates, the lot, a certificate) and the lot's own six events captured through POST /capture. "
            + $"The lot page measured: {page}. wrk 4.1, 2 threads, {o.ResolverConnections} connections, {o.ResolverSeconds} s per run after a short warm-up, "
            + "on the same machine as the server and PostgreSQL; per-address limits lifted (all load comes from 127.0.0.1) and every page view counted as a scan.");
        sb.AppendLine();
        sb.AppendLine("| Request | Requests/s | vs /health | p50 ms | p90 ms | p99 ms | KiB per response | Errors | Server CPU s | PostgreSQL CPU s |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            sb.AppendLine($"| {r.Name} | {Fmt.N(r.RequestsPerSecond, "0")} | {(r == ceiling ? "ceiling" : Fmt.N(100 * r.RequestsPerSecond / ceiling.RequestsPerSecond, "0") + " %")} | "
                + $"{Fmt.N(r.P50, "0.00")} | {Fmt.N(r.P90, "0.00")} | {Fmt.N(r.P99, "0.00")} | {Fmt.N(r.KiBPerResponse, "0.0")} | {r.Errors} | {Fmt.N(r.Cpu.Server, "0.0")} | {Fmt.N(r.Cpu.Postgres, "0.0")} |");
        sb.AppendLine();
        var pageRun = results[1];
        sb.AppendLine($"Scans written by the background writer during the lot-page run: {Fmt.Int(scans)} of {Fmt.Int(pageRun.Requests)} views "
            + $"({Fmt.N(100.0 * scans / Math.Max(1, pageRun.Requests), "0")} %; the rest were dropped when the queue was full, by design, rather than slow the page).");
        sb.AppendLine();
        sb.AppendLine("Commands (PORT is the server's free loopback port):");
        sb.AppendLine();
        sb.AppendLine("```");
        foreach (var r in results)
            sb.AppendLine(r.Command);
        sb.AppendLine("```");
        return sb.ToString();
    }
}
