using Rapor.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddRapor();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.MapRapor();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
