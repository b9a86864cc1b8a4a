package phbsim.scenario;

/** The kinds of service of docs/model.md section 3. */
public enum ServiceKind {
  /** A block-contracted team with a caseload (CMHT, psychological therapies, day services). */
  COMMUNITY,
  /** Beds: an acute ward, respite, a crisis house. */
  INPATIENT,
  /** Short crisis care: an A&amp;E attendance, crisis resolution / home treatment, triage. */
  CRISIS,
  /** Leaving secondary care: discharged to primary care, died, moved away. */
  EXIT
}
