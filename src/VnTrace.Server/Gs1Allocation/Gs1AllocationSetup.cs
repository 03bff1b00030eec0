using Microsoft.Extensions.Options;

namespace VnTrace.Server.Gs1Allocation;

/// <summary>The province's GS1 number range and the numbering of GTINs and GLNs from it.</summary>
public static class Gs1AllocationSetup
{
    /// <summary>The province's range (configuration section VnTrace:Gs1Allocation) and <see cref="Gs1Numbering"/>.</summary>
    public static WebApplicationBuilder AddGs1Allocation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<Gs1AllocationOptions>().BindConfiguration(Gs1AllocationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Gs1AllocationOptions>, Gs1AllocationOptionsValidation>();
        services.AddSingleton(sp => Gs1Allocator.TryCreate(sp.GetRequiredService<IOptions<Gs1AllocationOptions>>().Value, out var allocator, out var error)
            ? allocator : throw new InvalidOperationException(error.Message));
        services.AddScoped<Gs1Numbering>();
        return builder;
    }
}
