namespace PrivacyDesk.Domain.Requests;

public enum ReviewOutcome
{
    Approved,
    SentBack,
}

/// <summary>A team lead's four-eyes review of a response: approved, or sent back with a comment.</summary>
public sealed class ResponseReview
{
    public const int CommentMaxLength = 2_000;

    private ResponseReview()
    {
    }

    internal ResponseReview(ReviewOutcome outcome, string reviewerId, string reviewerName, DateTimeOffset reviewedAt, string? comment)
    {
        Id = Guid.CreateVersion7();
        Outcome = outcome;
        ReviewerId = reviewerId;
        ReviewerName = reviewerName;
        ReviewedAt = reviewedAt;
        Comment = comment;
    }

    public Guid Id { get; private set; }

    public ReviewOutcome Outcome { get; private set; }

    public string ReviewerId { get; private set; } = "";

    public string ReviewerName { get; private set; } = "";

    public DateTimeOffset ReviewedAt { get; private set; }

    public string? Comment { get; private set; }
}
