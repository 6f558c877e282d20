using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Services.Keys;
using SecondaryPortal.Portal.Services.Sites;

namespace SecondaryPortal.Portal.Components.Pages.Sites;

/// <summary>
/// The Add Site wizard's steps 1 to 3 (domain, primaries or source, check), one form posted back to itself: every button
/// is a submit button with its action, so it works without JavaScript; the state of the steps travels in a protected
/// hidden field, and nothing is stored until the draft is created.
/// </summary>
public sealed partial class NewSite
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private SiteWizardState _state = new();
    private AccountScope _scope = default!;
    private IReadOnlyList<TsigKeyInfo> _keys = [];
    private SiteCheckResult? _check;
    private IReadOnlyList<ZoneFileError> _fileErrors = [];
    private string? _message;

    [Inject] private SiteWizardService Sites { get; set; } = default!;

    [Inject] private SiteWizardStateProtector Protector { get; set; } = default!;

    [Inject] private TsigKeyService Keys { get; set; } = default!;

    [Inject] private SiteListener Listener { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "site-wizard")] private SiteWizardForm Form { get; set; } = default!;

    private string SealedState => Protector.Protect(_scope.UserId, _state);

    private DomainCheck Domain => SiteDomain.Parse(_state.Domain);

    private string ShownDomain => Domain.DisplayName ?? _state.Domain ?? "";

    /// <inheritdoc/>
    protected override async Task OnInitializedAsync()
    {
        Form ??= new SiteWizardForm();
        _scope = AccountScope.Of((await AuthenticationState).User)!;
        _keys = await Keys.ListAsync(_scope);
    }

    private async Task SubmitAsync()
    {
        _state = ApplyFields(Protector.Unprotect(_scope.UserId, Form.State) ?? new SiteWizardState());
        string action = Form.Action ?? "next";
        if (action.StartsWith("remove-primary-", StringComparison.Ordinal) && int.TryParse(action["remove-primary-".Length..], out int index))
        {
            var rows = _state.Primaries.Where((_, i) => i != index).ToList();
            _state = _state with { Primaries = rows.Count == 0 ? [new SitePrimaryRow("", "53")] : rows, CheckPassed = false };
            return;
        }
        switch (action)
        {
            case "back":
                _state = _state with { Step = Math.Max(1, _state.Step - 1), CheckPassed = false };
                break;
            case "add-primary":
                if (_state.Primaries.Count < SiteWizardService.MaxPrimaries)
                    _state = _state with { Primaries = [.. _state.Primaries, new SitePrimaryRow("", "53")], CheckPassed = false };
                else
                    _errors["Primaries"] = $"At most {SiteWizardService.MaxPrimaries} primaries can be given.";
                break;
            case "generate":
                TsigKeyInput.TryParseAlgorithm(_state.NewKeyAlgorithm, out var algorithm, out _);
                _state = _state with
                {
                    KeyMode = SiteKeyMode.New, NewKeyAlgorithm = (algorithm ?? TsigKeyInput.DefaultAlgorithm).Mnemonic,
                    NewKeySecret = TsigKeyInput.GenerateSecret(algorithm ?? TsigKeyInput.DefaultAlgorithm),
                    NewKeyName = string.IsNullOrWhiteSpace(_state.NewKeyName) && Domain.Origin is { } origin ? "transfer." + origin : _state.NewKeyName,
                };
                break;
            case "check":
                await CheckAsync();
                break;
            case "create":
                await CreateAsync();
                break;
            default:
                await NextAsync();
                break;
        }
    }

    private SiteWizardState ApplyFields(SiteWizardState state)
    {
        switch (state.Step)
        {
            case 1:
                return state with
                {
                    Domain = Form.Domain?.Trim(), Kind = Enum.TryParse<SiteKind>(Form.Kind, out var kind) ? kind : SiteKind.Secondary, CheckPassed = false,
                };
            case 2 when state.Kind == SiteKind.Secondary:
                var rows = (Form.Primaries ?? []).Select(r => new SitePrimaryRow((r.Address ?? "").Trim(), (r.Port ?? "").Trim())).ToList();
                return state with
                {
                    Primaries = rows.Count > 0 ? rows : state.Primaries,
                    KeyMode = SiteKeyChoiceRule.ModeOf(Form.KeyMode, Form.NewKeyName, Form.NewKeySecret),
                    ExistingKey = Form.ExistingKey, NewKeyName = Form.NewKeyName?.Trim(), NewKeyAlgorithm = Form.NewKeyAlgorithm,
                    NewKeySecret = Form.NewKeySecret?.Trim(), CheckPassed = false,
                };
            case 2:
                return state with { StartEmpty = Form.Source != "file" };
            default:
                return state;
        }
    }

    private async Task NextAsync()
    {
        if (_state.Step == 1)
        {
            var domain = await Sites.CheckDomainAsync(_scope, _state.Domain);
            if (!domain.Succeeded)
                _errors["Domain"] = domain.Message;
            else
                _state = _state with { Step = 2 };
            return;
        }
        if (_state.Step == 2 && _state.Kind == SiteKind.Secondary && await ValidatePrimariesAndKeyAsync() is not null)
        {
            _state = _state with { Step = 3 };
            await CheckAsync();
        }
        else if (_state.Step == 2 && _state.Kind == SiteKind.Authoritative)
            await CreateAsync();
    }

    /// <summary>The primaries when every row and the key are valid; null with the messages set beside the fields otherwise.</summary>
    private async Task<IReadOnlyList<IPEndPoint>?> ValidatePrimariesAndKeyAsync()
    {
        var endpoints = new List<IPEndPoint>();
        for (int i = 0; i < _state.Primaries.Count; i++)
        {
            var row = _state.Primaries[i];
            if (row.Address.Length == 0 && (row.Port.Length == 0 || row.Port == "53") && _state.Primaries.Count > 1)
                continue; // a blank extra row is ignored
            if (SitePrimary.TryParse(row.Address, row.Port, out var endpoint, out string? field, out string? error))
            {
                if (Sites.PrimaryAddressRefusal(_scope, endpoint.Address) is { } addressRefusal)
                    _errors[$"Primaries[{i}].Address"] = addressRefusal; // beside the field, before any packet is sent
                else
                    endpoints.Add(endpoint);
            }
            else if (row.Address.Length == 0 && _state.Primaries.Count == 1)
                _errors["Primaries"] = "Add at least one primary: enter its IPv4 or IPv6 address. The wizard cannot go on without one.";
            else
                _errors[$"Primaries[{i}].{field}"] = error;
        }
        if (endpoints.Count == 0 && _errors.Count == 0)
            _errors["Primaries"] = "Add at least one primary: enter its IPv4 or IPv6 address. The wizard cannot go on without one.";
        if (endpoints.Distinct().Count() < endpoints.Count)
            _errors["Primaries"] = "A primary is listed twice; remove the duplicate.";
        if (_state.KeyMode == SiteKeyMode.New && TsigKeyService.Validate(_state.NewKeyName, _state.NewKeyAlgorithm, _state.NewKeySecret).Refusal is { } refusal)
            _errors["NewKey" + refusal.Field] = refusal.Message;
        else if (_state.KeyMode != SiteKeyMode.None && (await Sites.ResolveKeyAsync(_scope, _state.Key)).Error is { } keyError)
            _errors[_state.KeyMode == SiteKeyMode.New ? "NewKeyName" : "ExistingKey"] = keyError;
        return _errors.Count == 0 ? endpoints : null;
    }

    private async Task CheckAsync()
    {
        var endpoints = await ValidatePrimariesAndKeyAsync();
        if (endpoints is null)
        {
            _state = _state with { Step = 2, CheckPassed = false };
            return;
        }
        _check = await Sites.CheckPrimariesAsync(_scope, _state.Domain ?? "", endpoints, _state.Key);
        _state = _state with { CheckPassed = _check.CanContinue };
    }

    private async Task CreateAsync()
    {
        SiteDraftResult result;
        if (_state.Kind == SiteKind.Authoritative)
        {
            result = _state.StartEmpty
                ? await Sites.CreateEmptyDraftAsync(_scope, _state.Domain ?? "")
                : await Sites.CreateAuthoritativeDraftAsync(_scope, _state.Domain ?? "", await ZoneFileTextAsync());
            _fileErrors = result.Errors;
        }
        else
        {
            var endpoints = await ValidatePrimariesAndKeyAsync();
            if (endpoints is null)
            {
                _state = _state with { Step = 2 };
                return;
            }
            if (!_state.CheckPassed)
            {
                await CheckAsync();
                _message = "Continue once at least one primary answers with the zone's serial.";
                return;
            }
            result = await Sites.CreateSecondaryDraftAsync(_scope, _state.Domain ?? "", endpoints, _state.Key);
        }
        if (result.Succeeded)
        {
            Navigation.NavigateTo(_state.Kind == SiteKind.Authoritative ? $"sites/{result.ZoneId}/review" : $"sites/{result.ZoneId}/transfer");
            return;
        }
        _message = result.Message;
        if (result.Field == "Domain")
            _state = _state with { Step = 1 };
    }

    private async Task<string?> ZoneFileTextAsync()
    {
        if (Form.ZoneUpload is { Length: > 0 } upload)
        {
            if (upload.Length > ZoneFileReader.MaxLength)
                return new string(' ', ZoneFileReader.MaxLength + 1); // refused by the reader with its size message
            using var reader = new StreamReader(upload.OpenReadStream());
            Form.ZoneText = await reader.ReadToEndAsync();
        }
        return Form.ZoneText;
    }

    private string? Error(string key) => _errors.GetValueOrDefault(key);

    private string Invalid(string key) => _errors.ContainsKey(key) ? "is-invalid" : "";

    private IReadOnlyList<ConfigSnippet> Snippets()
    {
        string origin = Domain.Origin ?? "example.com.";
        var (name, algorithm) = _state.KeyMode switch
        {
            SiteKeyMode.Existing => (_state.ExistingKey, _keys.FirstOrDefault(k => k.Name == _state.ExistingKey)?.Algorithm),
            SiteKeyMode.New when !string.IsNullOrWhiteSpace(_state.NewKeyName) => (_state.NewKeyName, _state.NewKeyAlgorithm),
            _ => ((string?)null, (string?)null),
        };
        return TransferConfigSnippets.For(origin, Listener.TransferSource, Listener.NotifyTarget, name, algorithm, "THE-SECRET-ABOVE");
    }
}
