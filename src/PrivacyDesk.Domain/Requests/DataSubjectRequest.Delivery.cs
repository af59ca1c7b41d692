using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Delivery;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>How the answer is delivered by e-mail (issue 16, ADR 0045): the office's per-case choice, made before sending.</summary>
public sealed partial class DataSubjectRequest
{
    public const string AnswerDeliveryChosenAction = "request.delivery.method_chosen";

    /// <summary>A link to the portal (the default), or the documents attached because the office chose so for this case.</summary>
    public AnswerDeliveryMethod AnswerDelivery { get; private set; }

    /// <summary>
    /// Sets how the answer will be delivered. Only while the case is open (once sent, the delivery is what it was); not a change
    /// of the answer's substance, so an approval stays.
    /// </summary>
    public Result ChooseAnswerDelivery(Actor actor, DateTimeOffset at, AnswerDeliveryMethod method)
    {
        var allowed = MayChange(actor, nameof(ChooseAnswerDelivery), AnyOpen);
        if (allowed.IsFailure || method == AnswerDelivery)
        {
            return allowed;
        }
        var before = AnswerDelivery;
        AnswerDelivery = method;
        Audit(AnswerDeliveryChosenAction, actor, at, Fields(("method", before.ToString())), Fields(("method", method.ToString())));
        return Result.Success();
    }
}
