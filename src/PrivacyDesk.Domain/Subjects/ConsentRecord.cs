namespace PrivacyDesk.Domain.Subjects;

/// <summary>How a subject gave consent; Art. 7(1) requires the controller to be able to show it.</summary>
public enum ConsentChannel
{
    WebForm,
    App,
    Email,
    Phone,
    Letter,
    InPerson,
}

/// <summary>One consent of one subject for one purpose: when, through which channel, to which wording, and when withdrawn.</summary>
public sealed class ConsentRecord
{
    private ConsentRecord()
    {
    }

    internal ConsentRecord(Guid purposeId, DateTimeOffset givenAt, ConsentChannel channel, string wordingVersion)
    {
        Id = Guid.NewGuid();
        PurposeId = purposeId;
        GivenAt = givenAt;
        Channel = channel;
        WordingVersion = wordingVersion;
    }

    public Guid Id { get; private set; }

    public Guid PurposeId { get; private set; }

    public DateTimeOffset GivenAt { get; private set; }

    public ConsentChannel Channel { get; private set; }

    /// <summary>The version of the consent text the subject agreed to.</summary>
    public string WordingVersion { get; private set; } = "";

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>Consent covers processing from when it was given until it was withdrawn (Art. 7(3): earlier processing stays lawful).</summary>
    public bool CoversMoment(DateTimeOffset moment) => GivenAt <= moment && (WithdrawnAt is null || moment < WithdrawnAt);

    internal void Withdraw(DateTimeOffset at) => WithdrawnAt = at;
}
