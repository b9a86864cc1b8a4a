package phbsim.pathway;

/**
 * One allowed move. {@code trigger} says what moves people along it: "crisis", "end of stay", "end
 * of episode", "home" (back to where they came from) or "exit" (a hazard, with {@code weight} the
 * highest rate per year across segments); for branch edges {@code weight} is the probability.
 */
public record PathwayEdge(String from, String to, String trigger, double weight) {}
