using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Runbooks;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCallBot.Runbooks;

namespace TechFlow.OnCallBot.Extensions;

public static class RunbookServiceCollectionExtensions
{
    /// <summary>Runbooks: the Markdown folder (Runbooks:Path), the store loader, the commands and buttons.</summary>
    public static IServiceCollection AddRunbooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RunbookSettings>()
            .Bind(configuration.GetSection(RunbookSettings.Section))
            .Validate(s => !string.IsNullOrWhiteSpace(s.Path), "Runbooks:Path must not be empty")
            .Validate(s => s.ReviewAfterDays >= 1, "Runbooks:ReviewAfterDays must be at least 1")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RunbookSettings>>().Value;
            return new RunbookSettings
            {
                Path = RunbookFolderLocation.Resolve(options.Path, sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory, AppContext.BaseDirectory),
                ReviewAfterDays = options.ReviewAfterDays,
            };
        });
        services.AddSingleton<RunbookService>();
        services.AddSingleton<IStoreInitializer, RunbookStoreInitializer>();
        services.AddSingleton<RunbookReplies>();
        services.AddSingleton<ICommandHandler, RunbookHandler>();
        services.AddSingleton<IActionHandler, RunbookActionHandler>();
        services.AddSingleton<IQuestionRule, RunbookQuestionRule>();
        return services;
    }
}
