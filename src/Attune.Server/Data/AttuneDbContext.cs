using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Attune.Server.Data;

/// <summary>
/// The store: Identity tables plus profiles, tinnitus matches, sessions and their events, and each person's personaliser. One
/// subclass per provider (<see cref="SqliteAttuneDbContext"/>, <see cref="PostgresAttuneDbContext"/>)
/// so each provider keeps its own migrations.
/// </summary>
public abstract class AttuneDbContext : IdentityDbContext<ApplicationUser>
{
    protected AttuneDbContext(DbContextOptions options) : base(options) { }

    public DbSet<HearingProfile> HearingProfiles => Set<HearingProfile>();
    public DbSet<TinnitusMatch> TinnitusMatches => Set<TinnitusMatch>();
    public DbSet<TherapySessionRecord> TherapySessions => Set<TherapySessionRecord>();
    public DbSet<SessionEvent> SessionEvents => Set<SessionEvent>();
    public DbSet<ClinicianAssignment> ClinicianAssignments => Set<ClinicianAssignment>();
    public DbSet<PersonalizerRecord> Personalizers => Set<PersonalizerRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every time is stored as UTC; SQLite hands back an unspecified kind, so mark it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<HearingProfile>(e =>
        {
            e.HasKey(p => p.UserId);
            e.HasOne<ApplicationUser>().WithOne(u => u.HearingProfile).HasForeignKey<HearingProfile>(p => p.UserId)
                .OnDelete(DeleteBehavior.Cascade);
            e.Property(p => p.TriggerCategoriesJson).HasMaxLength(4096);
            e.Property(p => p.PreferencesJson).HasMaxLength(16384);
        });

        builder.Entity<TinnitusMatch>(e =>
        {
            e.HasKey(m => m.Id);
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(m => new { m.UserId, m.MeasuredAt });
        });

        builder.Entity<TherapySessionRecord>(e =>
        {
            e.ToTable("TherapySessions");
            e.HasKey(s => s.Id);
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
            e.Property(s => s.Goal).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(s => new { s.OwnerId, s.CreatedAt });
            e.Property(s => s.Preset).HasMaxLength(TherapySessionRecord.MaxPresetLength);
            e.HasIndex(s => s.EndedAt);
        });

        builder.Entity<PersonalizerRecord>(e =>
        {
            e.HasKey(p => p.UserId);
            e.HasOne<ApplicationUser>().WithOne().HasForeignKey<PersonalizerRecord>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SessionEvent>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasOne<TherapySessionRecord>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Stage).HasMaxLength(SessionEventRules.MaxStageLength);
            e.Property(x => x.Kind).HasMaxLength(SessionEventRules.MaxKindLength);
            e.HasIndex(x => new { x.SessionId, x.TimeSeconds });
        });

        builder.Entity<ClinicianAssignment>(e =>
        {
            e.HasKey(a => new { a.ClinicianId, a.PatientId });
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.ClinicianId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ApplicationUser>().WithMany(u => u.Clinicians).HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
