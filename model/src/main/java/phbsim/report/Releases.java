package phbsim.report;

import java.util.List;
import phbsim.money.CashFlow;
import phbsim.money.LedgerLine;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialYear;

/**
 * What an option's post releases save, gross and net of the costs they strand (issue 20, item 11),
 * so that the stranded line is read beside the release that stranded it and not as a loss of its
 * own.
 *
 * <p>A released post stops its staffed instalment (the posts-released line) but not its share of
 * the contract's fixed part (estates, management): that share is moved from the fixed line to the
 * stranded line, and is still paid (BlockContract). So, by the sign rule (status quo minus option),
 * in each period:
 *
 * <ul>
 *   <li><b>gross saving</b>: the posts at their full cost, staffed instalment and share of the
 *       fixed part: the saving on the posts-released line plus the stranded cost;
 *   <li><b>stranded fixed costs</b>: that share of the fixed part, which the release cannot save (a
 *       cost, so negative);
 *   <li><b>net saving</b>: gross plus stranded, the cash that stops being paid: the saving on the
 *       posts-released line.
 * </ul>
 *
 * Each is taken replication by replication (the option against its status quo on the same random
 * numbers) and then summarised, so its interval is the paired one. {@link #byYear} and {@link
 * #horizon} add the releases of all the option's teams together, from the ledger's lines; {@link
 * #perRelease} gives each team's releases together and each release on its own, from each team's
 * record of its releases (TeamReleases), which adds up to those lines to the penny. A release the
 * status quo makes too (one the scenario marks as happening anyway) is in both arms and cancels.
 */
public final class Releases {
  /** One period's figures, in pounds. */
  public record Figures(Summary gross, Summary stranded, Summary net) {
    /** Whether the option releases anything in this period in any replication. */
    public boolean any() {
      return gross.mean() != 0
          || !(Double.isNaN(gross.rangeLow()) || gross.rangeLow() == 0)
          || !(Double.isNaN(gross.rangeHigh()) || gross.rangeHigh() == 0);
    }
  }

  /**
   * One release, or all of one team's releases, across replications: option minus status quo,
   * paired replication by replication. A release is known by its team, why it was made and the
   * month it took effect, so a contract review's release in the same month of different
   * replications is the same release (0 in a replication that did not make it).
   *
   * @param team the team's service number
   * @param source why, or null for all the team's releases
   * @param effectiveMonth the first month without the posts, or -1 for all the team's releases
   * @param posts posts released by the option beyond the status quo
   * @param byYear the figures of each financial year
   */
  public record Release(
      int team,
      phbsim.observe.TeamReleases.Source source,
      int effectiveMonth,
      Summary posts,
      List<Figures> byYear,
      Figures horizon) {
    /** Whether this is all of a team's releases rather than one of them. */
    public boolean teamTotal() {
      return source == null;
    }
  }

  private Releases() {}

  /**
   * For each team with a release in either arm: all its releases together, then each release in the
   * order they took effect. Empty if no team releases a post in any replication.
   */
  public static List<Release> perRelease(ComparisonResult c) {
    FinancialCalendar cal = c.option().compiled().calendar();
    int months = cal.monthCount();
    List<FinancialYear> years = c.option().financialYears();
    int[][] yearMonths = new int[years.size()][];
    for (int y = 0; y < years.size(); y++) {
      int from = -1;
      int to = -1;
      for (int m = 0; m < months; m++) {
        if (cal.month(m).financialYear().equals(years.get(y))) {
          from = from < 0 ? m : from;
          to = m;
        }
      }
      yearMonths[y] = new int[] {from, to};
    }
    // Every release's key, over both arms and all replications, in order: team, month, source.
    java.util.TreeSet<long[]> keys =
        new java.util.TreeSet<>(
            java.util.Comparator.<long[]>comparingLong(k -> k[0])
                .thenComparingLong(k -> k[1])
                .thenComparingLong(k -> k[2]));
    for (ExperimentResult arm : List.of(c.option(), c.statusQuo())) {
      for (ReplicationResult r : arm.replications()) {
        phbsim.observe.TeamReleases t = r.teams().releases();
        for (int i = 0; i < t.count(); i++) {
          // A release decided in the horizon that takes effect after it saves nothing in it.
          if (t.effectiveMonth(i) < months) {
            keys.add(new long[] {t.team(i), t.effectiveMonth(i), t.source(i).ordinal()});
          }
        }
      }
    }
    List<Release> out = new java.util.ArrayList<>();
    int lastTeam = -1;
    for (long[] k : keys) {
      int team = (int) k[0];
      if (team != lastTeam) {
        out.add(release(c, team, null, -1, yearMonths, months));
        lastTeam = team;
      }
      out.add(
          release(
              c,
              team,
              phbsim.observe.TeamReleases.Source.values()[(int) k[2]],
              (int) k[1],
              yearMonths,
              months));
    }
    return out;
  }

  /** One release's (or, with a null source, one team's) figures. */
  private static Release release(
      ComparisonResult c,
      int team,
      phbsim.observe.TeamReleases.Source source,
      int effective,
      int[][] yearMonths,
      int months) {
    List<Figures> byYear = new java.util.ArrayList<>();
    for (int[] fromTo : yearMonths) {
      byYear.add(figures(c, team, source, effective, fromTo[0], fromTo[1]));
    }
    Figures horizon = figures(c, team, source, effective, 0, months - 1);
    Summary posts;
    if (c.suppressBelow() > 0) {
      posts = Summary.WITHHELD;
    } else {
      int n = c.option().replications().size();
      double[] p = new double[n];
      for (int r = 0; r < n; r++) {
        p[r] =
            posts(c.option().replications().get(r), team, source, effective)
                - posts(c.statusQuo().replications().get(r), team, source, effective);
      }
      posts = Summary.of(p);
    }
    return new Release(team, source, effective, posts, List.copyOf(byYear), horizon);
  }

  private static Figures figures(
      ComparisonResult c,
      int team,
      phbsim.observe.TeamReleases.Source source,
      int effective,
      int from,
      int to) {
    if (c.suppressBelow() > 0) {
      // A contract review's release is worked out from the team's caseload, a count of people, and
      // its pence are its posts at a published price: withheld with the rest of the releases.
      return new Figures(Summary.WITHHELD, Summary.WITHHELD, Summary.WITHHELD);
    }
    int n = c.option().replications().size();
    double[] gross = new double[n];
    double[] stranded = new double[n];
    double[] net = new double[n];
    for (int r = 0; r < n; r++) {
      long[] o = pence(c.option().replications().get(r), team, source, effective, from, to);
      long[] s = pence(c.statusQuo().replications().get(r), team, source, effective, from, to);
      double saved = (o[0] - s[0]) / 100.0;
      double strandedCost = (o[1] - s[1]) / 100.0;
      gross[r] = saved + strandedCost;
      stranded[r] = 0.0 - strandedCost;
      net[r] = saved;
    }
    return new Figures(Summary.of(gross), Summary.of(stranded), Summary.of(net));
  }

  private static boolean matches(
      phbsim.observe.TeamReleases t,
      int i,
      int team,
      phbsim.observe.TeamReleases.Source source,
      int effective) {
    return t.team(i) == team
        && (source == null || (t.source(i) == source && t.effectiveMonth(i) == effective));
  }

  /** Pence saved and stranded, months from to to, by the releases that match. */
  private static long[] pence(
      ReplicationResult r,
      int team,
      phbsim.observe.TeamReleases.Source source,
      int effective,
      int from,
      int to) {
    phbsim.observe.TeamReleases t = r.teams().releases();
    long saved = 0;
    long stranded = 0;
    for (int i = 0; i < t.count(); i++) {
      if (matches(t, i, team, source, effective)) {
        for (int m = from; m <= to; m++) {
          saved += t.saved(i, m);
          stranded += t.stranded(i, m);
        }
      }
    }
    return new long[] {saved, stranded};
  }

  private static double posts(
      ReplicationResult r, int team, phbsim.observe.TeamReleases.Source source, int effective) {
    phbsim.observe.TeamReleases t = r.teams().releases();
    double posts = 0;
    for (int i = 0; i < t.count(); i++) {
      if (matches(t, i, team, source, effective)) {
        posts += t.posts(i);
      }
    }
    return posts;
  }

  /** The figures of each financial year of the option, in order. */
  public static List<Figures> byYear(ComparisonResult c) {
    FinancialCalendar cal = c.option().compiled().calendar();
    List<FinancialYear> years = c.option().financialYears();
    return years.stream()
        .map(
            y -> {
              int from = -1;
              int to = -1;
              for (int m = 0; m < cal.monthCount(); m++) {
                if (cal.month(m).financialYear().equals(y)) {
                  from = from < 0 ? m : from;
                  to = m;
                }
              }
              return of(c, from, to);
            })
        .toList();
  }

  /** The figures over the whole horizon. */
  public static Figures horizon(ComparisonResult c) {
    return of(c, 0, c.option().compiled().calendar().monthCount() - 1);
  }

  /** The figures of months {@code from} to {@code to}, inclusive. */
  static Figures of(ComparisonResult c, int from, int to) {
    if (c.suppressBelow() > 0) {
      // Posts are not counts of people, but the stranded share and the released posts' cost sit in
      // the money tables under the same groups as the lines that are: withheld with them.
      return new Figures(Summary.WITHHELD, Summary.WITHHELD, Summary.WITHHELD);
    }
    int n = c.option().replications().size();
    double[] gross = new double[n];
    double[] stranded = new double[n];
    double[] net = new double[n];
    for (int r = 0; r < n; r++) {
      CashFlow o = c.option().replications().get(r).cashFlow();
      CashFlow s = c.statusQuo().replications().get(r).cashFlow();
      // The posts-released line is posted negative (money not paid): its saving, status quo minus
      // option, is positive. The stranded line is posted positive (money still paid).
      double released =
          (sum(s, LedgerLine.POSTS_RELEASED, from, to)
                  - sum(o, LedgerLine.POSTS_RELEASED, from, to))
              / 100.0;
      double strandedCost =
          (sum(o, LedgerLine.STRANDED_FIXED_COSTS, from, to)
                  - sum(s, LedgerLine.STRANDED_FIXED_COSTS, from, to))
              / 100.0;
      gross[r] = released + strandedCost;
      stranded[r] = 0.0 - strandedCost;
      net[r] = released;
    }
    return new Figures(Summary.of(gross), Summary.of(stranded), Summary.of(net));
  }

  private static long sum(CashFlow f, LedgerLine line, int from, int to) {
    long pence = 0;
    for (int m = from; m <= to; m++) {
      pence += f.amount(m, line);
    }
    return pence;
  }
}
