using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Capture;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Products;
using VnTrace.Server.Programme.Activities;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Inspections;
using VnTrace.Server.Programme.Lists;
using VnTrace.Server.Programme.Plans;
using VnTrace.Server.Programme.Risk;
using VnTrace.Server.Programme.Support;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Bench;

/// <summary>
/// Suite 5: the authority programme's progress on a province-sized store in PostgreSQL — by default 5,000 businesses,
/// 50,000 products, five years (2022–2026) of activities with their registers, conformity assessments, support calls,
/// list editions and risk assessments, the lots of the high-risk products with their events, and API capture jobs —
/// and the plan 2026–2030 with a target for every indicator. Measured over HTTP against the real server: the progress
/// API for the DoST's, a department's and a commune's agency key, the progress page signed in as the DoST officer,
/// and in the same run the same server's GET /health as the ceiling. Progress is computed at each request (nothing is
/// stored), so every request counts all thirteen indicators.
/// </summary>
public sealed partial class ProgrammeSuite(BenchOptions o, PostgresServer pg, string serverDll)
{
    private const int Year = 2026;

    /// <summary>Product groups as businesses declare them; the first three are high risk (assessed), the next five medium.</summary>
    private static readonly string[] Categories =
    [
        "Thịt lợn", "Thủy sản tươi", "Rau ăn lá", "Sữa tươi", "Trứng gia cầm", "Nước mắm", "Giò chả", "Bánh kẹo",
        "Cà phê nhân", "Cà phê rang xay", "Hồ tiêu", "Sầu riêng", "Bơ", "Mắc ca", "Mật ong", "Trà", "Gạo", "Điều",
        "Ca cao", "Chanh dây", "Rượu cần", "Dược liệu", "Thổ cẩm", "Măng khô", "Nấm",
    ];

    private sealed record Seeded(Guid PlanId, Guid Dost, Guid Department, Guid Commune, string DostKey, string DepartmentKey, string CommuneKey,
        string UserName, string Password, Dictionary<string, long> Rows);

    public async Task<string> RunAsync()
    {
        var cs = await pg.CreateDatabaseAsync("bench_programme");
        // Migrates the database and makes the authority organization the DoST agency takes its name from.
        await ServerProcess.CreateOrganizationAsync(serverDll, cs, "Sở Khoa học và Công nghệ (bench)", "--authority");
        var created = await ServerProcess.AdminAsync(serverDll, cs, "create-user", "--none", "--role", Roles.Authority, "--username", "bench.dost",
            "--full-name", "Cán bộ Sở KH&CN");
        var lines = created.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var password = lines.Last();
        var userId = Guid.Parse(UserLine().Match(created) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("Unexpected create-user output: " + created));

        Run.Log($"programme: seeding {Fmt.Int(o.ProgrammeBusinesses)} businesses, {Fmt.Int(o.ProgrammeBusinesses * o.ProductsPerBusiness)} products, 5 years");
        var seedClock = System.Diagnostics.Stopwatch.StartNew();
        var seeded = await SeedAsync(cs, userId, password);
        Run.Log($"programme: seeded in {seedClock.Elapsed.TotalSeconds:0} s");
        await Db.ExecuteAsync(cs, "VACUUM ANALYZE");

        var results = new List<LoadResult>();
        string check;
        await using (var server = await ServerProcess.StartAsync(serverDll, cs, TimeSpan.FromSeconds(90)))
        {
            var cookie = await SignInAsync(server.BaseAddress, seeded.UserName, seeded.Password);
            check = await CheckAsync(server.BaseAddress, seeded, cookie);
            var progress = $"/api/programme/plans/{seeded.PlanId}/progress?year={Year}";
            var page = $"/authority/plans/{seeded.PlanId}?year={Year}";
            var runs = new (string Name, string Path, string? Key, string? Cookie)[]
            {
                ("GET /health (ceiling)", "/health", null, null),
                ($"GET /api/programme/plans/{{id}}/progress?year={Year} — DoST key (the province)", progress, seeded.DostKey, null),
                ($"GET /api/programme/plans/{{id}}/progress?year={Year} — department key (sectors agriculture, food-processing)", progress, seeded.DepartmentKey, null),
                ($"GET /api/programme/plans/{{id}}/progress?year={Year} — commune key", progress, seeded.CommuneKey, null),
                ($"GET /authority/plans/{{id}}?year={Year} — the progress page, signed in as the DoST officer", page, null, cookie),
            };
            var cpu = () => new CpuMeter(server.ProcessId, pg.Port);
            foreach (var connections in new[] { 1, o.Connections })
            {
                foreach (var run in runs)
                {
                    using var driver = new LoadDriver(server.BaseAddress, run.Key, connections);
                    HttpRequestMessage Request(int _)
                    {
                        var message = new HttpRequestMessage(HttpMethod.Get, run.Path);
                        if (run.Cookie is not null)
                            message.Headers.Add("Cookie", run.Cookie);
                        return message;
                    }
                    await driver.RunAsync(run.Name, Math.Max(5, o.ProgrammeRequests / 10), Request, HttpStatusCode.OK, o.RunDeadline);
                    Run.Log($"programme: {run.Name}, {connections} connection(s)");
                    var result = await driver.RunAsync(run.Name, o.ProgrammeRequests, Request, HttpStatusCode.OK, o.RunDeadline, cpu());
                    results.Add(result);
                    Run.Log($"programme: p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms, {result.PerSecond:0} req/s");
                }
            }
        }
        return Report(results, seeded, check);
    }

    [GeneratedRegex(@"User created: ([0-9a-fA-F-]{36})")]
    private static partial Regex UserLine();

    private static string Gtin(int business, int product)
    {
        // GS1 Vietnam prefix 893, a 5-digit company number per business, a 4-digit item reference: GTIN-13 in 14 digits.
        var body = "0893" + (10000 + business).ToString("D5", CultureInfo.InvariantCulture) + product.ToString("D4", CultureInfo.InvariantCulture);
        return body + Gs1CheckDigit.ComputeChar(body);
    }

    private async Task<Seeded> SeedAsync(string cs, Guid userId, string password)
    {
        var random = new Random(o.Seed);
        var rows = new Dictionary<string, long>();
        var province = AdministrativeUnits.Provinces.First(p => AdministrativeUnits.CommunesOf(p.Code).Count > 0);
        var communes = AdministrativeUnits.CommunesOf(province.Code).Select(c => c.Code).ToArray();
        var commune = communes[0];

        await using var db = Db.Context(cs);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // The server makes the DoST agency when it first starts (the admin commands above started it).
        var existing = await db.Agencies.FirstOrDefaultAsync(a => a.Kind == AgencyKind.Dost);
        var dost = existing ?? new Agency { Name = "Sở Khoa học và Công nghệ", Kind = AgencyKind.Dost };
        var department = new Agency { Name = "Sở Nông nghiệp và Môi trường", Kind = AgencyKind.Department, Sectors = ["agriculture", "food-processing"] };
        var communeAgency = new Agency { Name = "UBND xã " + AdministrativeUnits.CommunesOf(province.Code)[0].Name, Kind = AgencyKind.Commune, CommuneCode = commune };
        if (existing is null)
            db.Agencies.Add(dost);
        db.Agencies.AddRange(department, communeAgency);
        await db.SaveChangesAsync();
        await Db.ExecuteAsync(cs, $"UPDATE \"AspNetUsers\" SET \"AgencyId\" = '{dost.Id}' WHERE \"Id\" = '{userId}'");

        // Three agency keys as the console makes them (stored hashed, carrying the creating officer's role), each made by
        // an officer of its agency: the key handler accepts a key only while its creator is of the key's agency.
        var otherOfficers = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var made = await ServerProcess.AdminAsync(serverDll, cs, "create-user", "--none", "--role", Roles.Authority, "--username", $"bench.officer{i}");
            otherOfficers.Add(Guid.Parse(UserLine().Match(made).Groups[1].Value));
        }
        var dostKey = KeyFor(dost, Roles.Authority, userId);
        var departmentKey = KeyFor(department, Roles.DepartmentOfficer, otherOfficers[0]);
        var communeKey = KeyFor(communeAgency, Roles.CommuneOfficer, otherOfficers[1]);
        string KeyFor(Agency agency, string role, Guid creator)
        {
            var key = AgencyKeyService.KeyPrefix + SecretTokens.New();
            db.AgencyApiKeys.Add(new AgencyApiKey
            {
                AgencyId = agency.Id, CreatedBy = creator, Role = role, Name = "bench", DisplayPrefix = key[..12], KeyHash = SecretTokens.Hash(key),
            });
            return key;
        }
        await db.SaveChangesAsync();
        await Db.ExecuteAsync(cs, $"UPDATE \"AspNetUsers\" SET \"AgencyId\" = '{department.Id}' WHERE \"Id\" = '{otherOfficers[0]}'");
        await Db.ExecuteAsync(cs, $"UPDATE \"AspNetUsers\" SET \"AgencyId\" = '{communeAgency.Id}' WHERE \"Id\" = '{otherOfficers[1]}'");

        // Businesses: nine in ten approved, spread over the province's communes (the first commune a little denser) and sectors.
        var businesses = new List<Organization>(o.ProgrammeBusinesses);
        for (var b = 0; b < o.ProgrammeBusinesses; b++)
        {
            businesses.Add(new Organization
            {
                Name = $"HTX Bench {b + 1:D5}",
                TaxCode = (6000000000L + b).ToString(CultureInfo.InvariantCulture),
                Status = random.NextDouble() < 0.9 ? OrganizationStatus.Approved : OrganizationStatus.Pending,
                CommuneCode = random.NextDouble() < 0.02 ? commune : communes[random.Next(communes.Length)],
                ProvinceCode = province.Code,
                Sector = Sectors.Codes[random.Next(Sectors.Codes.Length)],
                OcopParticipant = random.NextDouble() < 0.2,
                CreatedAt = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(1700)),
            });
        }
        foreach (var chunk in businesses.Chunk(1000))
        {
            db.Organizations.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        rows["organizations"] = businesses.Count;
        var approved = businesses.Where(b => b.Status == OrganizationStatus.Approved).ToList();

        // Products, ten per business by default; the lots of the high-risk ones, with their events.
        var products = new List<Product>(businesses.Count * o.ProductsPerBusiness);
        for (var b = 0; b < businesses.Count; b++)
            for (var p = 0; p < o.ProductsPerBusiness; p++)
            {
                var category = Categories[random.Next(Categories.Length)];
                products.Add(new Product
                {
                    OrganizationId = businesses[b].Id, Gtin = Gtin(b, p + 1), NameVi = $"{category} {b + 1}-{p + 1}", Category = category, Unit = "kg",
                });
            }
        foreach (var chunk in products.Chunk(5000))
        {
            db.Products.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        rows["products"] = products.Count;

        for (var i = 0; i < 8; i++)
        {
            var (k, c, p) = i < 3 ? (1.0m, 5, 4) : (1.0m, 3, 2);
            var r = k * c * p;
            db.RiskAssessments.Add(new RiskAssessment
            {
                ProductGroup = Categories[i], GroupKey = RiskAssessment.KeyOf(Categories[i]), Source = RiskSource.Assessment, K = k, C = c, P = p, R = r,
                Level = RiskRule.LevelOf(r), EffectiveFrom = new DateOnly(2022, 1, 1), AgencyId = dost.Id, AssessedBy = "bench.dost",
            });
        }
        await db.SaveChangesAsync();
        rows["risk assessments"] = 8;

        var byId = businesses.ToDictionary(b => b.Id);
        var highRisk = products.Where(p => Array.IndexOf(Categories, p.Category) < 3 && byId[p.OrganizationId].Status == OrganizationStatus.Approved).ToList();
        var lots = new List<Lot>();
        var events = 0;
        var jobs = 0;
        foreach (var owner in highRisk.GroupBy(p => p.OrganizationId))
        {
            var documentEvents = new List<string>();
            foreach (var product in owner)
            {
                foreach (var year in new[] { Year - 1, Year })
                {
                    var produced = new DateOnly(year, 1 + random.Next(year == Year ? 10 : 12), 1 + random.Next(28));
                    var lot = new Lot
                    {
                        OrganizationId = owner.Key, ProductId = product.Id, Gtin = product.Gtin, LotNumber = $"L{year}-{random.Next(1000, 9999)}",
                        ProductionDate = produced, Quantity = 100, Unit = "kg",
                    };
                    lots.Add(lot);
                    // Most lots show commissioning, packing and shipping; one in five was never shipped (a gap).
                    var steps = random.NextDouble() < 0.8 ? new[] { "commissioning", "packing", "shipping" } : ["commissioning", "packing"];
                    var time = new DateTimeOffset(produced.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
                    foreach (var step in steps)
                    {
                        documentEvents.Add(EventJson(LotCodes.LotClass(lot.Gtin, lot.LotNumber), step, time));
                        time = time.AddHours(6);
                    }
                }
            }
            var body = Encoding.UTF8.GetBytes("""{"@context":["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-06-01T00:00:00Z","epcisBody":{"eventList":["""
                + string.Join(',', documentEvents) + "]}}");
            var (stored, job) = ServerRows.FromDocument(body, owner.Key, new DateTime(Year, 6, 1, 0, 0, 0, DateTimeKind.Utc));
            job.Channel = random.NextDouble() < 0.6 ? CaptureChannel.Api : CaptureChannel.Diary;
            db.CaptureJobs.Add(job);
            db.Events.AddRange(stored);
            events += stored.Count;
            jobs++;
            if (jobs % 200 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        // The other approved businesses' own systems: three in five captured through the API this year.
        foreach (var business in approved.Where(b => random.NextDouble() < 0.5))
        {
            db.CaptureJobs.Add(new CaptureJob
            {
                OwnerId = business.Id, CreatedAt = new DateTime(Year, 1 + random.Next(11), 1 + random.Next(28), 3, 0, 0, DateTimeKind.Utc),
                Running = false, Success = true, EventCount = 10, StoredCount = 10,
                Channel = random.NextDouble() < 0.6 ? CaptureChannel.Api : CaptureChannel.Diary,
            });
            jobs++;
        }
        db.Lots.AddRange(lots);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        rows["lots"] = lots.Count;
        rows["events"] = events;
        rows["capture jobs"] = jobs;

        // Five years of activities, registers, assessments, calls and lists.
        var activities = 0;
        var attendees = 0;
        var certifications = 0;
        var applications = 0;
        var entries = 0;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var year = Year - 4; year <= Year; year++)
        {
            var last = year == today.Year ? today.DayOfYear - 1 : 364;
            DateOnly Day() => new DateOnly(year, 1, 1).AddDays(random.Next(Math.Max(1, last)));
            var kinds = Enumerable.Repeat(ActivityKind.Article, 12).Concat(Enumerable.Repeat(ActivityKind.Conference, 8))
                .Concat(Enumerable.Repeat(ActivityKind.AwarenessClass, 14)).Concat(Enumerable.Repeat(ActivityKind.TrainingCourse, 10));
            foreach (var kind in kinds)
            {
                var agency = random.NextDouble() < 0.7 ? dost : random.NextDouble() < 0.6 ? department : communeAgency;
                var activity = new ProgrammeActivity
                {
                    Kind = kind, Title = $"{ActivityKinds.Name(kind)} {year} #{activities + 1}", Date = Day(), AgencyId = agency.Id,
                    Venue = kind == ActivityKind.Article ? null : "Hội trường Sở", Outlet = kind == ActivityKind.Article ? "Báo Đắk Lắk" : null,
                    RecordedBy = "bench.dost",
                };
                if (ActivityKinds.HasAttendees(kind))
                    for (var a = 0; a < 40; a++)
                    {
                        var business = random.NextDouble() < 0.6 ? approved[random.Next(approved.Count)] : null;
                        activity.Attendees.Add(new ActivityAttendee
                        {
                            Position = a + 1, Name = $"Học viên {a + 1}", OrganizationId = business?.Id, OrganizationName = business?.Name,
                            CivilServant = business is null && random.NextDouble() < 0.5,
                        });
                    }
                attendees += activity.Attendees.Count;
                db.ProgrammeActivities.Add(activity);
                activities++;
            }
            for (var c = 0; c < 20; c++)
            {
                var business = approved[random.Next(approved.Count)];
                var on = Day();
                db.ConformityAssessments.Add(new ConformityAssessment
                {
                    OrganizationId = business.Id, AgencyId = dost.Id, Result = c % 4 == 3 ? AssessmentResult.Fail : AssessmentResult.Pass,
                    CertificateNumber = c % 4 == 3 ? null : $"TXNG-{year}-{c:D3}", AssessedOn = on, ValidFrom = on, ValidTo = on.AddYears(3),
                    RecordedBy = "bench.dost",
                });
                certifications++;
            }
            var call = new SupportCall { Year = year, Title = $"Hỗ trợ TXNG {year}", CreatedBy = "bench.dost" };
            call.Criteria.Add(new SupportCriterion { Position = 1, Name = "Năng lực", Weight = 0.5m, MinScore = 0, MaxScore = 10 });
            call.Criteria.Add(new SupportCriterion { Position = 2, Name = "Sản phẩm OCOP", Weight = 0.5m, MinScore = 0, MaxScore = 10 });
            db.SupportCalls.Add(call);
            var applicants = approved.OrderBy(_ => random.Next()).Take(40).ToList();
            for (var a = 0; a < applicants.Count; a++)
            {
                var business = applicants[a];
                var selected = a < 20;
                var application = new SupportApplication
                {
                    CallId = call.Id, OrganizationId = business.Id, AppliedOn = new DateOnly(year, 1, 15), AppliedBy = "bench",
                    ProductIds = [.. products.Where(p => p.OrganizationId == business.Id).Take(2).Select(p => p.Id)],
                    Stage = selected ? SupportStage.Supported : SupportStage.Rejected, SurveyedOn = new DateOnly(year, 2, 1), ScoredOn = new DateOnly(year, 2, 15),
                    TotalScore = 5, DecisionNumber = $"{year}/QĐ-SKHCN", DecisionDate = new DateOnly(year, 3, 1),
                    SupportedOn = selected ? Day() : null,
                };
                if (selected)
                {
                    var activity = new SupportActivity { Kind = SupportActivityKind.Software, Description = "Phần mềm TXNG" };
                    activity.BudgetLines.Add(new BudgetLine { FundingSource = "Ngân sách tỉnh", Planned = 30_000_000, Committed = 30_000_000, Spent = 25_000_000 });
                    application.Activities.Add(activity);
                }
                db.SupportApplications.Add(application);
                applications++;
            }
            var edition = new ProductListEdition { Year = year, Frozen = year < Year };
            db.ProductListEditions.Add(edition);
            for (var e = 0; e < 16; e++)
            {
                var group = Categories[e];
                db.ProductListEntries.Add(new ProductListEntry
                {
                    Year = year, List = (ProductListKind)(e % 3), ProductGroup = group, GroupKey = RiskAssessment.KeyOf(group), Sector = "agriculture",
                    ResponsibleAgencyId = department.Id, Reason = "Sản phẩm chủ lực của tỉnh", Status = e < 12 ? ListEntryStatus.Approved : ListEntryStatus.Proposed,
                    ProposedByAgencyId = department.Id, ProposedBy = "bench.dept",
                });
                entries++;
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        rows["activities"] = activities;
        rows["attendees"] = attendees;
        rows["conformity assessments"] = certifications;
        rows["support applications"] = applications;
        rows["list entries"] = entries;

        // The plan 2026–2030 with the Gia Lai plan's kind of targets, one per indicator each year.
        var plan = new ProgrammePlan { Name = "Kế hoạch TXNG 2026–2030 (bench)", DecisionNumber = "100/QĐ-UBND", FromYear = 2026, ToYear = 2030, CreatedBy = userId };
        for (var year = 2026; year <= 2030; year++)
            foreach (var code in IndicatorCodes.All)
                plan.Targets.Add(new PlanTarget { Year = year, Indicator = code, Target = IndicatorCodes.IsPercent(code) ? 70 : 10 });
        db.ProgrammePlans.Add(plan);
        await db.SaveChangesAsync();

        return new Seeded(plan.Id, dost.Id, department.Id, communeAgency.Id, dostKey, departmentKey, communeKey, "bench.dost", password, rows);
    }

    private static string EventJson(string lotClass, string step, DateTimeOffset time)
    {
        var disposition = step switch { "commissioning" => "active", "shipping" => "in_transit", _ => "in_progress" };
        var action = step == "commissioning" ? "ADD" : "OBSERVE";
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "ObjectEvent",
            ["eventTime"] = time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["eventTimeZoneOffset"] = "+07:00",
            ["action"] = action,
            ["bizStep"] = step,
            ["disposition"] = disposition,
            ["quantityList"] = new[] { new Dictionary<string, object> { ["epcClass"] = lotClass, ["quantity"] = 100, ["uom"] = "KGM" } },
        });
    }

    /// <summary>Signs in through the sign-in form and returns the cookies a browser would send.</summary>
    private static async Task<string> SignInAsync(Uri baseAddress, string userName, string password)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var cookies = new Dictionary<string, string>();
        void Keep(HttpResponseMessage r)
        {
            if (r.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var v in values)
                {
                    var pair = v.Split(';')[0];
                    var eq = pair.IndexOf('=');
                    cookies[pair[..eq]] = pair[(eq + 1)..];
                }
        }
        string Cookie() => string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value));
        using var form = await http.GetAsync("/account/sign-in");
        Keep(form);
        var html = await form.Content.ReadAsStringAsync();
        var token = TokenField().Match(html) is { Success: true } t ? t.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the sign-in page.");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Form.UserName"] = userName, ["Form.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", Cookie());
        using var signedIn = await http.SendAsync(post);
        Keep(signedIn);
        if (signedIn.StatusCode != HttpStatusCode.Redirect && signedIn.StatusCode != HttpStatusCode.Found)
            throw new InvalidOperationException($"Sign-in answered {(int)signedIn.StatusCode}.");
        return Cookie();
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenField();

    /// <summary>What one progress answer says: every indicator present, and the figures that the store must produce.</summary>
    private static async Task<string> CheckAsync(Uri baseAddress, Seeded s, string cookie)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        async Task<JsonElement> Progress(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/programme/plans/{s.PlanId}/progress?year={Year}");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"progress answered {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        string Line(JsonElement rows) => string.Join(", ", rows.EnumerateArray().Select(r =>
            $"{r.GetProperty("indicator").GetString()} {r.GetProperty("actual").GetDecimal().ToString(CultureInfo.InvariantCulture)}"));
        var dost = await Progress(s.DostKey);
        if (dost.GetArrayLength() != IndicatorCodes.All.Length)
            throw new InvalidOperationException($"progress has {dost.GetArrayLength()} indicators, expected {IndicatorCodes.All.Length}.");
        var actual = dost.EnumerateArray().ToDictionary(r => r.GetProperty("indicator").GetString()!, r => r.GetProperty("actual").GetDecimal());
        if (actual[IndicatorCodes.Articles] == 0 || actual[IndicatorCodes.TraineeAttendances] == 0 || actual[IndicatorCodes.HighRiskProductsTracedPct] == 0
            && actual[IndicatorCodes.BusinessesInteroperablePct] == 0)
            throw new InvalidOperationException("The store's figures did not reach progress: " + Line(dost));
        var department = await Progress(s.DepartmentKey);
        var commune = await Progress(s.CommuneKey);
        using var page = new HttpRequestMessage(HttpMethod.Get, $"/authority/plans/{s.PlanId}?year={Year}");
        page.Headers.Add("Cookie", cookie);
        using var pageResponse = await http.SendAsync(page);
        var pageHtml = await pageResponse.Content.ReadAsStringAsync();
        if (pageResponse.StatusCode != HttpStatusCode.OK || !pageHtml.Contains("high_risk_products_traced_pct", StringComparison.Ordinal) && !pageHtml.Contains("rủi ro cao", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"The progress page answered {(int)pageResponse.StatusCode} without the plan's indicators.");
        return $"DoST: {Line(dost)}.\n\nDepartment: {Line(department)}.\n\nCommune: {Line(commune)}.";
    }

    private string Report(List<LoadResult> results, Seeded s, string check)
    {
        var b = new StringBuilder();
        b.AppendLine("### Programme: plan progress on a province-sized store");
        b.AppendLine();
        b.AppendLine("Store: " + string.Join(", ", s.Rows.Select(r => $"{Fmt.Int(r.Value)} {r.Key}")) + $". Plan 2026–2030, a target for each of the "
            + $"{IndicatorCodes.All.Length} indicators each year; progress of {Year} asked (computed at each request, nothing stored).");
        b.AppendLine();
        b.AppendLine("| Request | Connections | Requests | p50 ms | p99 ms | max ms | req/s | vs /health (req/s) | server CPU ms/req | PostgreSQL CPU ms/req |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Connections))
        {
            var health = group.First();
            foreach (var r in group)
                b.AppendLine($"| {r.Name} | {r.Connections} | {Fmt.Int(r.Requests)} | {Fmt.N(r.P50, "0.0")} | {Fmt.N(r.P99, "0.0")} | {Fmt.N(r.Max, "0.0")} | "
                    + $"{Fmt.N(r.PerSecond, "0")} | {Fmt.N(100 * r.PerSecond / health.PerSecond, "0.0")} % | {Fmt.N(r.Cpu.Server * 1000 / r.Requests, "0.0")} | {Fmt.N(r.Cpu.Postgres * 1000 / r.Requests, "0.0")} |");
        }
        b.AppendLine();
        b.AppendLine("What the answers said (actual per indicator):");
        b.AppendLine();
        b.AppendLine(check);
        return b.ToString();
    }
}
