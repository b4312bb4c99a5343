using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace Faq.Api.Admin;

/// <summary>
/// Authenticates clinic staff: an <c>X-Api-Key</c> matching a configured key (compared in constant time; the key's
/// name becomes the editor), or, when <see cref="AdminOptions.TrustPlatformAuth"/> is on, the platform's
/// <c>X-MS-CLIENT-PRINCIPAL</c> with the <c>FaqEditor</c> role. Failures are problem+json 401/403.
/// </summary>
internal sealed class AdminAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KeyRing<AdminKey> keyring,
    IOptions<AdminOptions> admin,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FaqAdmin";
    public const string KeyHeader = "X-Api-Key";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(KeyHeader, out var key) && key.Count == 1)
        {
            return Task.FromResult(keyring.Match(key[0]!) is { } admin
                ? Success(admin.Name, "key")
                : AuthenticateResult.Fail("The admin key is not valid."));
        }

        if (admin.Value.TrustPlatformAuth && Request.Headers.TryGetValue(PrincipalHeader, out var principal))
        {
            return Task.FromResult(PlatformPrincipal.Read(principal.ToString()) is { } platform
                ? Success(platform.Name, "platform", platform.Roles)
                : AuthenticateResult.Fail("The platform principal could not be read."));
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    private static AuthenticateResult Success(string name, string method, IEnumerable<string>? roles = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new("auth_method", method) };
        claims.AddRange((roles ?? [AdminOptions.EditorRole]).Select(r => new Claim(ClaimTypes.Role, r)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "Sign in to manage the FAQ.",
            $"Send a valid admin key in the {KeyHeader} header{(admin.Value.TrustPlatformAuth ? " or sign in through the platform" : string.Empty)}.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "You may not manage the FAQ.", $"Your account needs the {AdminOptions.EditorRole} role.");

    private async Task WriteProblem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

/// <summary>Reads Azure App Service's <c>X-MS-CLIENT-PRINCIPAL</c> (Base64 JSON: auth_typ, name_typ, role_typ, claims).</summary>
internal static class PlatformPrincipal
{
    public static (string Name, IReadOnlyList<string> Roles)? Read(string header)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(header));
            var root = document.RootElement;
            var nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() : ClaimTypes.Name;
            var roleType = root.TryGetProperty("role_typ", out var r) ? r.GetString() : ClaimTypes.Role;
            string? name = null;
            var roles = new List<string>();
            foreach (var claim in root.GetProperty("claims").EnumerateArray())
            {
                var type = claim.GetProperty("typ").GetString();
                var value = claim.GetProperty("val").GetString();
                if (value is null)
                {
                    continue;
                }

                if (type == nameType || (name is null && type is "name" or "preferred_username"))
                {
                    name ??= value;
                }

                if (type == roleType || type is "roles" or "role")
                {
                    roles.Add(value);
                }
            }

            return name is null ? null : (name, roles);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
