package phbsim.scenario;

/**
 * One service. Exactly the section that matches {@code kind} is given: {@code community} for a
 * COMMUNITY team, {@code inpatient} for INPATIENT, {@code crisis} for CRISIS, none for EXIT.
 */
public record ServiceSpec(
    String id,
    ServiceKind kind,
    @Optional String label,
    @Optional CommunitySpec community,
    @Optional InpatientSpec inpatient,
    @Optional CrisisSpec crisis) {
  public ServiceSpec {
    label = label == null ? id : label;
  }
}
