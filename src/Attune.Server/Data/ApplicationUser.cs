using Microsoft.AspNetCore.Identity;

namespace Attune.Server.Data;

/// <summary>A person who signs in: a patient now; clinicians and researchers use the same table with another role.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    public HearingProfile? HearingProfile { get; set; }

    /// <summary>Clinicians assigned to this patient (empty for non-patients).</summary>
    public List<ClinicianAssignment> Clinicians { get; } = [];
}
