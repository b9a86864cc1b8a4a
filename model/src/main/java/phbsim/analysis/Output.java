package phbsim.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import phbsim.money.Discounting;
import phbsim.observe.Measure;

/**
 * A named result of one replication of an option against its status quo, that analyses summarise,
 * sweep, seek and fit: a money figure in pounds or an activity count. Names are those written in
 * output files; {@link #parse(String)} reads them.
 *
 * <p>Money figures follow the sign rule (status quo minus option: positive is a saving).
 */
public abstract class Output {
  private final String name;
  private final String title;
  private final boolean money;

  Output(String name, String title, boolean money) {
    this.name = name;
    this.title = title;
    this.money = money;
  }

  /** The name, as written in files and on the command line, e.g. {@code net_saving_cash}. */
  public String name() {
    return name;
  }

  /** A name for people. */
  public String title() {
    return title;
  }

  /** Whether it is money (pounds) rather than a count. */
  public boolean money() {
    return money;
  }

  /** Its value in one replication. */
  public abstract double value(ArmTotals option, ArmTotals statusQuo, double discountRate);

  /**
   * The least value it can take, which its intervals respect: 0 for an arm's activity (a count or a
   * number of days), no bound for money and for differences.
   */
  public double lowest() {
    return Double.NEGATIVE_INFINITY;
  }

  /** The money outputs, and the pattern of the activity outputs, for messages and help. */
  public static List<String> catalogue() {
    List<String> names = new ArrayList<>();
    for (Money m : Money.values()) {
      names.add(m.label());
    }
    names.add("option.MEASURE, status_quo.MEASURE or difference.MEASURE (MEASURE such as crises)");
    for (CohortFigure c : CohortFigure.values()) {
      names.add(c.label());
    }
    return names;
  }

  /**
   * The output called {@code name}.
   *
   * @throws IllegalArgumentException saying what names there are, if it is none of them
   */
  public static Output parse(String name) {
    for (Money m : Money.values()) {
      if (m.label().equals(name)) {
        return m.output();
      }
    }
    for (CohortFigure c : CohortFigure.values()) {
      if (c.label().equals(name)) {
        return c.output();
      }
    }
    int dot = name.indexOf('.');
    if (dot > 0) {
      String arm = name.substring(0, dot);
      String measureName = name.substring(dot + 1);
      for (Measure measure : Measure.values()) {
        if (measure.label().equals(measureName)) {
          return switch (arm) {
            case "option" -> new Activity(name, measure, 1, 0);
            case "status_quo" -> new Activity(name, measure, 0, 1);
            case "difference" -> new Activity(name, measure, -1, 1);
            default -> throw unknown(name);
          };
        }
      }
    }
    throw unknown(name);
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException(
        "found '"
            + name
            + "', which is not an output; expected one of "
            + String.join(", ", catalogue()));
  }

  /** The money outputs. */
  enum Money {
    NET_SAVING_CASH("Net saving over the horizon, cash position"),
    NET_SAVING_ECONOMIC("Net saving over the horizon, economic position"),
    NPV_CASH("Net present value of the saving, cash position"),
    NPV_ECONOMIC("Net present value of the saving, economic position"),
    DOUBLE_RUNNING("Double running over the horizon (a cost, so negative)");

    private final String title;

    Money(String title) {
      this.title = title;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    Output output() {
      Money self = this;
      return new Output(label(), title, true) {
        @Override
        public double value(ArmTotals option, ArmTotals statusQuo, double rate) {
          return switch (self) {
            case NET_SAVING_CASH -> saving(statusQuo.cashByYear(), option.cashByYear()) / 100.0;
            case NET_SAVING_ECONOMIC -> saving(statusQuo.allByYear(), option.allByYear()) / 100.0;
            case NPV_CASH -> npv(statusQuo.cashByYear(), option.cashByYear(), rate);
            case NPV_ECONOMIC -> npv(statusQuo.allByYear(), option.allByYear(), rate);
            // A cost of the option: negative by the sign rule, as in every table of savings.
            case DOUBLE_RUNNING -> 0.0 - option.doubleRunning() / 100.0;
          };
        }
      };
    }
  }

  /**
   * The cohort view's figures (phbsim.report.Cohort): how the people who started a budget fared
   * against their twins in the status quo. Undefined (NaN) in a replication with no cohort.
   */
  enum CohortFigure {
    HOLDERS_COST_CHANGE_PERCENT(
        "Cohort: holders' total costs, the year after the start against the year before, %", false),
    TWINS_COST_CHANGE_PERCENT(
        "Cohort: the same people's costs in the status quo, year after against year before, %",
        false),
    OTHER_NHS_SAVING(
        "Cohort: in-patient, crisis and GP costs in the year after, twins' minus holders', £ a"
            + " holder",
        true),
    MEAN_ALLOCATION("Cohort: mean annual budget at the start, £", true),
    RESTRICTIVE_CRISES_AVOIDED(
        "Cohort: crises avoided by restrictive holders in the year after (twins' minus"
            + " theirs), a holder",
        false),
    RESTRICTIVE_COST_SAVING(
        "Cohort: saving on restrictive holders in the year after (twins' total cost minus"
            + " theirs), £ a holder",
        true),
    HOLDERS("Cohort: people who started a budget with a year either side in the horizon", false);

    private final String title;
    private final boolean money;

    CohortFigure(String title, boolean money) {
      this.title = title;
      this.money = money;
    }

    String label() {
      return "cohort." + name().toLowerCase(Locale.ROOT);
    }

    Output output() {
      CohortFigure self = this;
      return new Output(label(), title, money) {
        @Override
        public double value(ArmTotals option, ArmTotals statusQuo, double rate) {
          phbsim.report.Cohort.Figures f =
              option.cohort() == null ? phbsim.report.Cohort.NONE : option.cohort();
          return switch (self) {
            case HOLDERS_COST_CHANGE_PERCENT -> 100 * f.holdersChange();
            case TWINS_COST_CHANGE_PERCENT -> 100 * f.twinsChange();
            case OTHER_NHS_SAVING -> f.otherNhsSaving();
            case MEAN_ALLOCATION -> f.meanAllocation();
            case RESTRICTIVE_CRISES_AVOIDED -> f.restrictiveCrisesAvoided();
            case RESTRICTIVE_COST_SAVING -> f.restrictiveCostSaving();
            case HOLDERS -> f.holders();
          };
        }
      };
    }
  }

  static long saving(long[] statusQuo, long[] option) {
    long s = 0;
    for (int y = 0; y < option.length; y++) {
      s += statusQuo[y] - option[y];
    }
    return s;
  }

  static double npv(long[] statusQuo, long[] option, double rate) {
    long[] annual = new long[option.length];
    for (int y = 0; y < annual.length; y++) {
      annual[y] = statusQuo[y] - option[y];
    }
    return Discounting.presentValue(annual, rate) / 100.0;
  }

  /** An activity measure of the option, of the status quo, or their difference. */
  private static final class Activity extends Output {
    private final Measure measure;
    private final int optionWeight;
    private final int statusQuoWeight;

    Activity(String name, Measure measure, int optionWeight, int statusQuoWeight) {
      super(name, measure.title(), false);
      this.measure = measure;
      this.optionWeight = optionWeight;
      this.statusQuoWeight = statusQuoWeight;
    }

    @Override
    public double lowest() {
      return optionWeight >= 0 && statusQuoWeight >= 0 ? 0 : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double value(ArmTotals option, ArmTotals statusQuo, double rate) {
      int k = measure.ordinal();
      return optionWeight * option.measures()[k] + statusQuoWeight * statusQuo.measures()[k];
    }
  }
}
