namespace Attune.Server.Data;

/// <summary>Links a clinician to a patient they may see; unused until the clinician features arrive.</summary>
public sealed class ClinicianAssignment
{
    public required string ClinicianId { get; set; }
    public required string PatientId { get; set; }
    public DateTime AssignedAt { get; set; }
}
