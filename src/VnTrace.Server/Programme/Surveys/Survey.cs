using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Surveys;

public enum QuestionKind
{
    SingleChoice = 0,
    MultipleChoice = 1,
    Number = 2,
    Text = 3,
}

/// <summary>
/// A needs survey (khảo sát nhu cầu): a questionnaire an agency sends to a chosen set of businesses, such as the
/// province's OCOP producers, who answer in their workspace or through an officer who keys their answers in.
/// </summary>
public sealed class Survey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public string? Description { get; set; }
    public Guid AgencyId { get; set; }
    /// <summary>Answers are taken until this day, inclusive (null: until closed by hand, not built yet).</summary>
    public DateOnly? Deadline { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public List<SurveyQuestion> Questions { get; set; } = [];
    public List<SurveyRecipient> Recipients { get; set; } = [];
}

public sealed class SurveyQuestion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SurveyId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public QuestionKind Kind { get; set; }
    /// <summary>The choices of a single- or multiple-choice question, in order; answers name them by index.</summary>
    public List<string> Options { get; set; } = [];
}

/// <summary>A business the survey was sent to. The survey is the agency's; the business reads it through its id only.</summary>
public sealed class SurveyRecipient
{
    public Guid SurveyId { get; set; }
    public Guid OrganizationId { get; set; }
}

/// <summary>One business's answers to a survey (at most one; a new submission replaces the answers).</summary>
public sealed class SurveyResponse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SurveyId { get; set; }
    public Guid OrganizationId { get; set; }
    /// <summary>"user:…" of the business user, or the officer's <see cref="OfficerScope.Actor"/> when keyed in for it.</summary>
    public required string EnteredBy { get; set; }
    public bool EnteredByOfficer { get; set; }
    public DateTime SubmittedAt { get; set; } = DateTime.UtcNow;
    public List<SurveyAnswer> Answers { get; set; } = [];
}

public sealed class SurveyAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResponseId { get; set; }
    public Guid QuestionId { get; set; }
    /// <summary>Indices into <see cref="SurveyQuestion.Options"/> (one for a single choice).</summary>
    public List<int> Choices { get; set; } = [];
    public decimal? Number { get; set; }
    public string? Text { get; set; }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("programme_surveys");
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.Description).HasMaxLength(4000);
        b.Property(s => s.CreatedBy).HasMaxLength(100);
        b.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Recipients).WithOne().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.ToTable("programme_survey_questions");
        b.Property(q => q.Text).HasMaxLength(1000);
    }
}

internal sealed class SurveyRecipientConfiguration : IEntityTypeConfiguration<SurveyRecipient>
{
    public void Configure(EntityTypeBuilder<SurveyRecipient> b)
    {
        b.ToTable("programme_survey_recipients");
        b.HasKey(r => new { r.SurveyId, r.OrganizationId });
        b.HasIndex(r => r.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("programme_survey_responses");
        b.Property(r => r.EnteredBy).HasMaxLength(100);
        b.HasIndex(r => new { r.SurveyId, r.OrganizationId }).IsUnique();
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("programme_survey_answers");
        b.Property(a => a.Text).HasMaxLength(4000);
        b.Property(a => a.Number).HasPrecision(18, 4);
        b.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
