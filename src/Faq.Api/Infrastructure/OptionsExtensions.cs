namespace Faq.Api.Infrastructure;

/// <summary>
/// The one way settings are read: <c>AddOptions&lt;T&gt;().BindConfiguration(section).Validate…().ValidateOnStart()</c>.
/// Rules that find several problems at once report them all, each naming its key, through <see cref="ValidateProblems{T}"/>.
/// </summary>
internal static class OptionsExtensions
{
    /// <summary>Fails start-up with every problem <paramref name="problems"/> lists (none means valid).</summary>
    public static OptionsBuilder<T> ValidateProblems<T>(this OptionsBuilder<T> builder, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(new ProblemsValidator<T>(builder.Name, problems));
        return builder;
    }

    /// <summary>Like <see cref="ValidateProblems{T}"/>, for rules that depend on another service (such as other options).</summary>
    public static OptionsBuilder<T> ValidateProblems<T, TDependency>(this OptionsBuilder<T> builder, Func<T, TDependency, IEnumerable<string>> problems)
        where T : class
        where TDependency : notnull
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(sp =>
            new ProblemsValidator<T>(builder.Name, options => problems(options, sp.GetRequiredService<TDependency>())));
        return builder;
    }

    private sealed class ProblemsValidator<T>(string? name, Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }

            var found = problems(options).ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
