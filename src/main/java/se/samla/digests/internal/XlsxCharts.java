package se.samla.digests.internal;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFDrawing;
import org.apache.poi.xssf.streaming.SXSSFPicture;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.util.Units;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;

import se.samla.digests.Chart;

/**
 * The workbook's sheet of charts: each chart as a picture at its size, one under the
 * other, with its alt text as the picture's description (what a screen reader reads in
 * Excel) and in the cell beside it, so that the figures can be read and copied.
 */
final class XlsxCharts {

	/** Rows of 20 pixels (15 points) each, so that a picture's rows are easy to count. */
	private static final int ROW_PIXELS = 20;

	/** Column A holds the pictures: a little wider than they are. */
	private static final int PICTURE_COLUMN_CHARACTERS = 94;

	private static final int TEXT_COLUMN_CHARACTERS = 60;

	private XlsxCharts() {
	}

	static void write(SXSSFWorkbook workbook, String sheetName, String heading, List<Chart> charts, CellStyle bold,
			CellStyle wrapped) {
		SXSSFSheet sheet = workbook.createSheet(sheetName);
		sheet.setColumnWidth(0, PICTURE_COLUMN_CHARACTERS * 256);
		sheet.setColumnWidth(1, TEXT_COLUMN_CHARACTERS * 256);
		SXSSFDrawing drawing = sheet.createDrawingPatriarch();
		int r = 0;
		text(sheet.createRow(r++), 0, heading, bold);
		r++;
		for (Chart chart : charts) {
			text(sheet.createRow(r++), 0, chart.title(), bold);
			int rows = (chart.height() + ROW_PIXELS - 1) / ROW_PIXELS;
			int first = r;
			for (int i = 0; i < rows; i++) {
				Row row = sheet.createRow(r++);
				row.setHeightInPoints(ROW_PIXELS * 0.75f);
				if (i == 0) {
					// now: a streamed sheet keeps only its last rows
					text(row, 1, chart.altText(), wrapped);
				}
			}
			int picture = workbook.addPicture(chart.png(), Workbook.PICTURE_TYPE_PNG);
			XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, chart.width() * Units.EMU_PER_PIXEL, 0, 0, first, 0,
					first + rows);
			anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
			SXSSFPicture shown = (SXSSFPicture) drawing.createPicture(anchor, picture);
			CTNonVisualDrawingProps properties = shown.getCTPicture().getNvPicPr().getCNvPr();
			properties.setName(chart.title());
			properties.setDescr(chart.altText());
			r++;
		}
	}

	private static void text(Row row, int column, String text, CellStyle style) {
		String value = XlsxDigest.cellText(text);
		if (!value.isEmpty()) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			cell.setCellStyle(style);
		}
	}

}
