package phbsim.report;

import java.util.Locale;

/**
 * Which money a headline figure counts (docs/model.md section 5, "cash-releasing or not"): cash
 * only, or cash and the capacity freed inside blocks, valued at unit cost.
 */
public enum Position {
  /** Only money actually paid or no longer paid: what the commissioner's bank account sees. */
  CASH("Cash position"),
  /**
   * Cash plus activity inside block-funded services valued at unit cost: the economic
   * (opportunity-cost) view, in which a bed day avoided in a block-funded ward counts though no
   * cash moves.
   */
  ECONOMIC("Economic position");

  private final String title;

  Position(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
