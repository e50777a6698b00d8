/// `docs/templates.md`: the names each page kind's template may print, made from the
/// typed page models themselves (`PageKindModel.all`), so the reference cannot drift
/// from what the loader checks. `TemplateReferenceTests` compares the file with it.
enum TemplateReference {
    static func markdown() -> String {
        var out = """
            # Template fields

            <!-- Generated from the page models by TemplateReferenceTests; do not edit by hand.
                 After changing a model: PLANPRESS_RECORD=1 swift test --filter TemplateReferenceTests -->

            Every page of the site is printed by one template in `Templates/` from a typed page
            model: a struct per page kind whose fields are the names below. When the templates
            load, each page template (with its layout, parents and partials) is checked against
            its kind's fields: a name no field offers is an error naming the template's file and
            line, with the closest names, and nothing is written (`{{numbr}}` would otherwise
            print nothing on every page). Inside a record «not declared» below, names cannot be
            checked at load; a test renders the shipped site and the fixture sites and fails on
            any name some page looks up and no page finds a value for (`TemplateNameAuditTests`).

            How to read the tables:
            - **Field**: the name as a template prints it (`{{name}}`, `{{{name}}}` for HTML the site
              has escaped already, `{{#name}}…{{/name}}` for a section).
            - **Inside `{{#field}}`**: what a section over the field offers. «—»: text, a number or a
              flag (the section shows its content when the value is set, non-empty and not false).
              A list of names: a record or a list of records with those names (`{{#plans}}{{title}}{{/plans}}`),
              checked like the page's own. «not declared»: a record whose names are not checked yet.
            - Inside a section, the names of the page (and of enclosing sections) stay available.
            - Interface strings are `{{t.key}}`, with the keys of `Templates/locales/*.yaml`.

            ## Every page: the layout's fields

            `Templates/layout.mustache` and the partials it includes print these on every page;
            every page kind below has them too.


            """
        out += table(LayoutFields.fields)
        for kind in PageKindModel.all {
            out += "\n## \(kind.template) — `Templates/\(kind.template).mustache`\n\n\(kind.about)\n\n"
            out += table(Array(kind.model.fields.dropFirst(LayoutFields.count)))
        }
        return out
    }

    private static func table(_ fields: [TemplateField]) -> String {
        var out = "| Field | Inside `{{#field}}` |\n|---|---|\n"
        for field in fields {
            let inside: String
            switch field.kind {
            case .value: inside = "—"
            case .record(let keys): inside = keys.map { "`\($0)`" }.joined(separator: ", ")
            case .open: inside = field.name == "t" ? "the interface strings (`{{t.key}}`)" : "not declared"
            }
            out += "| `\(field.name)` | \(inside) |\n"
        }
        return out
    }
}
