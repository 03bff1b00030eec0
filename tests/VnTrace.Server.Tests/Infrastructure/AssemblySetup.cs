// One PostgreSQL server for the whole test run; test classes each create their own database on it.
[assembly: AssemblyFixture(typeof(VnTrace.Server.Tests.Infrastructure.PostgresServer))]
