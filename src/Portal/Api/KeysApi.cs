using System.Security.Claims;
using SecondaryPortal.Portal.Services.Keys;

namespace SecondaryPortal.Portal.Api;

/// <summary>/api/v1/keys: the account's TSIG keys (secrets are never returned, except a generated one, once).</summary>
public static class KeysApi
{
    /// <summary>A new key.</summary>
    /// <param name="Name">The key name as the primary knows it ("transfer-key").</param>
    /// <param name="Algorithm">hmac-sha256 (default), hmac-sha512, hmac-sha384, hmac-sha224, hmac-sha1 or hmac-md5.</param>
    /// <param name="Secret">The secret in base64; omitted: a strong one is generated and returned once.</param>
    public sealed record KeyCreateRequest(string? Name, string? Algorithm, string? Secret);

    /// <summary>A key just stored.</summary>
    /// <param name="Key">The key (no secret).</param>
    /// <param name="GeneratedSecret">The secret when it was generated here (shown this once), else null.</param>
    public sealed record KeyCreated(TsigKeyInfo Key, string? GeneratedSecret);

    /// <summary>Maps the endpoints on <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapKeysApi(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").WithTags("TSIG keys");
        keys.MapGet("/", async (ClaimsPrincipal user, TsigKeyService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.ListAsync(user.Scope(), cancellationToken)))
            .WithName("ListKeys").WithSummary("The account's TSIG keys with the number of zones using each.");
        keys.MapGet("/{id:long}", async Task<IResult> (long id, ClaimsPrincipal user, TsigKeyService service, CancellationToken cancellationToken) =>
            await service.GetAsync(user.Scope(), id, cancellationToken) is { } key ? TypedResults.Ok(key) : ApiResults.NotFound("key"))
            .WithName("GetKey");
        keys.MapPost("/", CreateAsync).WithName("CreateKey")
            .WithSummary("Stores a key; the secret is checked (base64, at least half the hash length: RFC 8945 §6) or generated.");
        keys.MapDelete("/{id:long}", async Task<IResult> (long id, ClaimsPrincipal user, TsigKeyService service, CancellationToken cancellationToken) =>
            {
                var scope = user.Scope();
                if (await service.GetAsync(scope, id, cancellationToken) is null)
                    return ApiResults.NotFound("key");
                var deleted = await service.DeleteAsync(scope, id, cancellationToken);
                return deleted.Succeeded ? TypedResults.Ok(new ApiResponses.Outcome(deleted.Message)) : ApiResults.Conflict(deleted.Message);
            })
            .WithName("DeleteKey").WithSummary("Deletes a key; refused while a zone uses it.");
        return api;
    }

    private static async Task<IResult> CreateAsync(KeyCreateRequest request, ClaimsPrincipal user, TsigKeyService service, CancellationToken cancellationToken)
    {
        string? generated = null;
        string? secret = request.Secret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            if (!TsigKeyInput.TryParseAlgorithm(request.Algorithm ?? TsigKeyInput.DefaultAlgorithm.Mnemonic, out var algorithm, out var error))
                return ApiResults.Invalid("algorithm", error);
            secret = generated = TsigKeyInput.GenerateSecret(algorithm);
        }
        var created = await service.CreateAsync(user.Scope(), request.Name, request.Algorithm ?? TsigKeyInput.DefaultAlgorithm.Mnemonic, secret, cancellationToken);
        if (!created.Succeeded)
        {
            return created.Message.Contains("already used", StringComparison.Ordinal)
                ? ApiResults.Conflict(created.Message)
                : ApiResults.Invalid((created.Field ?? "request").ToLowerInvariant(), created.Message);
        }
        return TypedResults.Created($"{ApiEndpoints.Prefix}/keys/{created.Key!.Id}", new KeyCreated(created.Key, generated));
    }
}
