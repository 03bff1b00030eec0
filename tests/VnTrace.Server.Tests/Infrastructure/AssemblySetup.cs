// One PostgreSQL server for the whole test run; test classes each create their own database on it.
[assembly: AssemblyFixture(typeof(VnTrace.Server.Tests.Infrastructure.PostgresServer))]
// One Chromium for the whole test run, started by the first browser test; each test takes its own context.
[assembly: AssemblyFixture(typeof(VnTrace.Server.Tests.Infrastructure.BrowserFixture))]
