using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace PrivacyDesk.Web.Components.Account.Shared;

/// <summary>
/// Data-annotation validation whose ErrorMessage values are resource keys, so the sign-in forms
/// answer in the user's language.
/// </summary>
public sealed class DataAnnotationsLocalizedValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _subscribed;

    [CascadingParameter] private EditContext EditContext { get; set; } = default!;

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_subscribed, EditContext))
        {
            return;
        }
        Unsubscribe();
        _subscribed = EditContext;
        _messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += Validate;
    }

    private void Validate(object? sender, ValidationRequestedEventArgs e)
    {
        var model = EditContext.Model;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        _messages!.Clear();
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                _messages.Add(EditContext.Field(member), L[result.ErrorMessage ?? ""]);
            }
        }
        EditContext.NotifyValidationStateChanged();
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationRequested -= Validate;
        }
    }

    public void Dispose() => Unsubscribe();
}
