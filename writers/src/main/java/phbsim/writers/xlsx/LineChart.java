package phbsim.writers.xlsx;

import java.util.List;

/**
 * A line chart bound to cells of one sheet: categories along a row (the financial years), one
 * series a row (an option), each with the values phbsim computed as its cache, so the chart draws
 * before any recalculation and redraws from the cells when they change.
 *
 * @param title the chart's title
 * @param valueAxis the title of the vertical axis (the unit)
 * @param numberFormat the vertical axis's number format
 * @param categories the cells of the category labels, sheet-qualified and fixed ({@link
 *     Cells#absolute})
 * @param labels the labels in those cells
 * @param series the lines
 * @param anchor where the chart sits: first column, first row, last column, last row (from 0; the
 *     last ones exclusive)
 */
public record LineChart(
    String title,
    String valueAxis,
    String numberFormat,
    String categories,
    List<String> labels,
    List<Series> series,
    int[] anchor) {

  /**
   * One line.
   *
   * @param name what the legend shows
   * @param nameCell the cell holding the name
   * @param valueCells the cells of the values
   * @param values the values in those cells
   */
  public record Series(String name, String nameCell, String valueCells, double[] values) {}

  /** NHS blue, then colours told apart in print and by most colour-blind readers. */
  private static final String[] COLOURS = {"005EB8", "ED8B00", "009639", "7C2855", "00A9CE"};

  private static final String C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
  private static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";
  private static final String R =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  /** The chart part (xl/charts/chartN.xml). */
  String chartXml() {
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        .append("<c:chartSpace xmlns:c=\"" + C + "\" xmlns:a=\"" + A + "\" xmlns:r=\"" + R + "\">")
        .append("<c:roundedCorners val=\"0\"/><c:chart>")
        .append(title(title))
        .append("<c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>")
        .append("<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>");
    for (int k = 0; k < series.size(); k++) {
      Series s = series.get(k);
      x.append("<c:ser><c:idx val=\"" + k + "\"/><c:order val=\"" + k + "\"/>")
          .append("<c:tx><c:strRef><c:f>" + esc(s.nameCell()) + "</c:f>")
          .append("<c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>")
          .append(esc(s.name()))
          .append("</c:v></c:pt></c:strCache></c:strRef></c:tx>")
          // A drawn line and a colour of its own: without them LibreOffice shows markers only.
          .append("<c:spPr><a:ln w=\"28575\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"")
          .append(COLOURS[k % COLOURS.length])
          .append("\"/></a:solidFill></a:ln></c:spPr>")
          .append("<c:marker><c:symbol val=\"circle\"/><c:size val=\"5\"/><c:spPr><a:solidFill>")
          .append("<a:srgbClr val=\"" + COLOURS[k % COLOURS.length] + "\"/></a:solidFill></c:spPr>")
          .append("</c:marker>")
          .append("<c:cat><c:strRef><c:f>" + esc(categories) + "</c:f><c:strCache>")
          .append("<c:ptCount val=\"" + labels.size() + "\"/>");
      for (int i = 0; i < labels.size(); i++) {
        x.append("<c:pt idx=\"" + i + "\"><c:v>" + esc(labels.get(i)) + "</c:v></c:pt>");
      }
      x.append("</c:strCache></c:strRef></c:cat>")
          .append("<c:val><c:numRef><c:f>" + esc(s.valueCells()) + "</c:f><c:numCache>")
          .append("<c:formatCode>General</c:formatCode>")
          .append("<c:ptCount val=\"" + s.values().length + "\"/>");
      for (int i = 0; i < s.values().length; i++) {
        if (Double.isFinite(s.values()[i])) {
          x.append("<c:pt idx=\"" + i + "\"><c:v>" + s.values()[i] + "</c:v></c:pt>");
        }
      }
      x.append("</c:numCache></c:numRef></c:val><c:smooth val=\"0\"/></c:ser>");
    }
    x.append("<c:marker val=\"1\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:lineChart>")
        // The years along the bottom whatever the sign of the values: labels sit low, the axis
        // crosses at zero so a saving reads above the line and a cost below it.
        .append("<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"minMax\"/>")
        .append("</c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/>")
        .append("<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>")
        .append("<c:tickLblPos val=\"low\"/><c:crossAx val=\"1002\"/>")
        .append("<c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/>")
        .append("<c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>")
        .append("<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/>")
        .append("</c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines/>")
        .append(title(valueAxis))
        .append("<c:numFmt formatCode=\"" + esc(numberFormat) + "\" sourceLinked=\"0\"/>")
        .append("<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1001\"/>")
        .append("<c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>")
        .append("</c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>")
        .append("</c:legend><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>")
        .append("</c:chartSpace>");
    return x.toString();
  }

  private static String title(String text) {
    return "<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>"
        + esc(text)
        + "</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>";
  }

  /** The drawing part that places the chart over the sheet's cells (xl/drawings/...). */
  String drawingXml(String chartRelationship, int id) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/"
        + "spreadsheetDrawing\" xmlns:a=\""
        + A
        + "\"><xdr:twoCellAnchor>"
        + corner("from", anchor[0], anchor[1])
        + corner("to", anchor[2], anchor[3])
        + "<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\""
        + (id + 1)
        + "\" name=\""
        + esc(title)
        + "\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
        + "<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm>"
        + "<a:graphic><a:graphicData uri=\""
        + C
        + "\"><c:chart xmlns:c=\""
        + C
        + "\" xmlns:r=\""
        + R
        + "\" r:id=\""
        + chartRelationship
        + "\"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>"
        + "</xdr:twoCellAnchor></xdr:wsDr>";
  }

  private static String corner(String which, int column, int row) {
    return "<xdr:"
        + which
        + "><xdr:col>"
        + column
        + "</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>"
        + row
        + "</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:"
        + which
        + ">";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
