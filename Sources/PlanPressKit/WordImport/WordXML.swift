import SWXMLHash

/// Element and attribute names of WordprocessingML under the prefix the file binds to its
/// namespace (Word and LibreOffice write `w:`, but any prefix is allowed), so a lookup is one
/// string comparison. Transitional (ECMA-376) and strict (ISO 29500) namespaces alike.
struct WordNames {
    static let namespaces: Set<String> = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                          "http://purl.oclc.org/ooxml/wordprocessingml/main"]
    let prefix: String

    /// The prefix bound to the WordprocessingML namespace on `root` (`w` when none is declared).
    init(root: XMLElement?) {
        var found = "w"
        for (key, attribute) in root?.allAttributes ?? [:] where key.hasPrefix("xmlns:") && WordNames.namespaces.contains(attribute.text) {
            found = String(key.dropFirst("xmlns:".count))
        }
        prefix = found
        func n(_ local: String) -> String { found + ":" + local }
        (body, p, r, t, tbl, tr, tc, tcPr, trPr, tblGrid, gridCol, pPr, rPr, numPr, numId, ilvl, pStyle, rStyle) =
            (n("body"), n("p"), n("r"), n("t"), n("tbl"), n("tr"), n("tc"), n("tcPr"), n("trPr"), n("tblGrid"), n("gridCol"),
             n("pPr"), n("rPr"), n("numPr"), n("numId"), n("ilvl"), n("pStyle"), n("rStyle"))
        (gridSpan, vMerge, hMerge, gridBefore, tblHeader, ins, del, moveTo, moveFrom, delText, hyperlink, smartTag, customXml,
         sdt, sdtContent, fldSimple, fldChar, instrText, tab, ptab, br, cr, noBreakHyphen, softHyphen, sym) =
            (n("gridSpan"), n("vMerge"), n("hMerge"), n("gridBefore"), n("tblHeader"), n("ins"), n("del"), n("moveTo"),
             n("moveFrom"), n("delText"), n("hyperlink"), n("smartTag"), n("customXml"), n("sdt"), n("sdtContent"),
             n("fldSimple"), n("fldChar"), n("instrText"), n("tab"), n("ptab"), n("br"), n("cr"), n("noBreakHyphen"),
             n("softHyphen"), n("sym"))
        (footnoteReference, endnoteReference, commentRangeStart, vanish, caps, bdo, dir) =
            (n("footnoteReference"), n("endnoteReference"), n("commentRangeStart"), n("vanish"), n("caps"), n("bdo"), n("dir"))
        (val, type, fldCharType, char) = (n("val"), n("type"), n("fldCharType"), n("char"))
    }

    let body, p, r, t, tbl, tr, tc, tcPr, trPr, tblGrid, gridCol, pPr, rPr, numPr, numId, ilvl, pStyle, rStyle: String
    let gridSpan, vMerge, hMerge, gridBefore, tblHeader, ins, del, moveTo, moveFrom, delText, hyperlink, smartTag, customXml: String
    let sdt, sdtContent, fldSimple, fldChar, instrText, tab, ptab, br, cr, noBreakHyphen, softHyphen, sym: String
    let footnoteReference, endnoteReference, commentRangeStart, vanish, caps, bdo, dir: String
    /// Attributes.
    let val, type, fldCharType, char: String

    func value(_ element: XMLElement?) -> String? { element?.allAttributes[val]?.text }

    /// An on/off property (`<w:caps/>`, `<w:caps w:val="0"/>`): on unless its value says off.
    func isOn(_ element: XMLElement?) -> Bool? {
        guard let element else { return nil }
        guard let v = value(element) else { return true }
        return !["0", "false", "off", "none"].contains(v)
    }
}

extension XMLElement {
    /// Child elements, in order.
    var elements: [XMLElement] { children.compactMap { $0 as? XMLElement } }

    func child(_ name: String) -> XMLElement? {
        for child in children { if let e = child as? XMLElement, e.name == name { return e } }
        return nil
    }
}
