"""Reads a review workbook back with openpyxl (a reader jixiao did not write) and prints what the
tests check as JSON: each sheet's cells, frozen pane, AutoFilter, print setup (with its page
header and footer, print area), its rows' set heights, the cells it marks, and its charts."""
import json
import sys
import zipfile

import openpyxl

path = sys.argv[1]
book = openpyxl.load_workbook(path)
out = {"sheets": []}
for ws in book.worksheets:
    charts = []
    for chart in ws._charts:
        series = []
        for s in chart.series:
            series.append({
                "name": s.tx.strRef.f if s.tx and s.tx.strRef else None,
                "values": s.val.numRef.f,
                "categories": s.cat.strRef.f if s.cat.strRef else s.cat.numRef.f,
            })
        charts.append({"type": chart.tagname, "series": series})
    out["sheets"].append({
        "name": ws.title,
        "rows": [[cell for cell in row] for row in ws.iter_rows(values_only=True)],
        "freeze": ws.freeze_panes,
        "autoFilter": ws.auto_filter.ref,
        "printTitleRows": ws.print_title_rows,
        "orientation": ws.page_setup.orientation,
        "paperSize": ws.page_setup.paperSize,
        "fitToWidth": ws.page_setup.fitToWidth,
        "fitToHeight": ws.page_setup.fitToHeight,
        "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
        "charts": charts,
        "rowHeights": {str(r): d.height for r, d in ws.row_dimensions.items() if d.height is not None},
        "printHeader": ws.oddHeader.center.text,
        "printFooter": ws.oddFooter.center.text,
        "printArea": ws.print_area,
        # The cells jixiao marks (shaded and bold): 汇总's totals and grades that differ from the recorded.
        "marked": [c.coordinate for row in ws.iter_rows() for c in row if c.fill.fgColor.rgb == "FFF8CBAD" and c.font.b],
    })
out["parts"] = sorted(zipfile.ZipFile(path).namelist())
print(json.dumps(out, ensure_ascii=False, default=str))
