package phbsim.population;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The people of a person-level starting population, one entry per row of the file, grouped by
 * segment in the file's order. It holds no identifier: the loader checks the file's identifier
 * column and drops it before anything reaches the model (docs/model.md section 2).
 *
 * @param segments the segment id of each person
 * @param ageBands each person's age band, as written ({@code 18-24}, {@code 65+})
 * @param bedDays each person's bed days last year
 * @param crisisContacts each person's crisis contacts last year
 * @param communityContacts each person's community team contacts last year
 */
public record Caseload(
    List<String> segments,
    List<String> ageBands,
    int[] bedDays,
    int[] crisisContacts,
    int[] communityContacts) {
  public Caseload {
    segments = List.copyOf(segments);
    ageBands = List.copyOf(ageBands);
    int n = segments.size();
    if (ageBands.size() != n
        || bedDays.length != n
        || crisisContacts.length != n
        || communityContacts.length != n) {
      throw new IllegalArgumentException("every column must have one entry per person");
    }
    bedDays = bedDays.clone();
    crisisContacts = crisisContacts.clone();
    communityContacts = communityContacts.clone();
  }

  /** People in the file. */
  public int size() {
    return segments.size();
  }

  /** People of the segment. */
  public int count(String segment) {
    int n = 0;
    for (String s : segments) {
      if (s.equals(segment)) {
        n++;
      }
    }
    return n;
  }

  /** The crisis contacts of the people of one segment, in the file's order. */
  public int[] crisisContactsOf(String segment) {
    return Arrays.stream(indicesOf(segment)).map(i -> crisisContacts[i]).toArray();
  }

  /** The row numbers (from 0) of the people of one segment, in the file's order. */
  public int[] indicesOf(String segment) {
    int[] out = new int[count(segment)];
    int k = 0;
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).equals(segment)) {
        out[k++] = i;
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Caseload c
        && segments.equals(c.segments)
        && ageBands.equals(c.ageBands)
        && Arrays.equals(bedDays, c.bedDays)
        && Arrays.equals(crisisContacts, c.crisisContacts)
        && Arrays.equals(communityContacts, c.communityContacts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(segments, ageBands, Arrays.hashCode(crisisContacts));
  }

  @Override
  public String toString() {
    return "Caseload[" + size() + " people]";
  }
}
