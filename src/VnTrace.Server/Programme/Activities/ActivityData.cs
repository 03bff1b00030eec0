using VnTrace.Server.Programme.Activities;
using VnTrace.Server.Programme.Surveys;

namespace VnTrace.Server.Platform.Data;

// The programme's activities (trainings, classes, conferences, articles) and needs surveys.
public abstract partial class VnTraceDbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<ProgrammeActivity> ProgrammeActivities => Set<ProgrammeActivity>();
    public Microsoft.EntityFrameworkCore.DbSet<ActivityAttendee> ActivityAttendees => Set<ActivityAttendee>();
    public Microsoft.EntityFrameworkCore.DbSet<ActivityMaterial> ActivityMaterials => Set<ActivityMaterial>();
    public Microsoft.EntityFrameworkCore.DbSet<Survey> Surveys => Set<Survey>();
    public Microsoft.EntityFrameworkCore.DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public Microsoft.EntityFrameworkCore.DbSet<SurveyRecipient> SurveyRecipients => Set<SurveyRecipient>();
    public Microsoft.EntityFrameworkCore.DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public Microsoft.EntityFrameworkCore.DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
}
