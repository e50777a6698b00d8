import Foundation

/// Taking an update off the site: unpublish (it becomes a draft again, the
/// file stays) or delete (the file and its own photos move into
/// `Content/_trash/<time>/`, never destroyed). Both ask first, on a page of
/// their own, and neither writes over a file that changed since that page.
extension UpdateForm {
    enum Removal: String { case delete, unpublish }

    func confirm(_ removal: Removal, update: Update, stamp: String) -> HTTPResponse {
        let name = removal.rawValue
        var context = view.context(title: view.fill("editor_\(name)_title", ["title": update.title]))
        context["paragraphs"] = [view.fill("editor_\(name)_text", ["path": "Content/updates/\(update.slug).md", "trash": "Content/\(Editor.trash)/"])]
        context["action"] = "\(Editor.root)updates/\(name)"
        context["button"] = view.t("editor_\(name)_button")
        context["danger"] = removal == .delete
        context["slug"] = update.slug
        context["stamp"] = stamp
        context["cancel_url"] = "\(Editor.root)updates/\(update.slug)"
        return view.render("editor/confirm", context)
    }

    /// `draft: true` in the front matter, every other byte as it was.
    static func unpublished(_ text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func bare(_ line: String) -> String { line.hasSuffix("\r") ? String(line.dropLast()) : line }
        guard let first = lines.first, bare(first).trimmingCharacters(in: .whitespaces) == "---",
              let close = lines.indices.dropFirst().first(where: { bare(lines[$0]).trimmingCharacters(in: .whitespaces) == "---" }) else { return nil }
        let ending = first.hasSuffix("\r") ? "\r" : ""
        if let index = (1..<close).first(where: { lines[$0].hasPrefix("draft:") || lines[$0].hasPrefix("draft :") }) {
            lines[index] = "draft: true" + ending
        } else {
            lines.insert("draft: true" + ending, at: close)
        }
        return lines.joined(separator: "\n")
    }

    func unpublish() -> HTTPResponse {
        removing { update, relative, current in
            guard let text = Self.unpublished(String(decoding: current, as: UTF8.self)) else {
                return view.message(title: view.t("editor_update_unreadable"),
                                    [view.fill("editor_update_unreadable_text", ["path": "Content/\(relative)"])], status: 500)
            }
            do throws(EditorError) {
                try editor.write(Array(text.utf8), to: relative, mode: .replace)
            } catch {
                return view.message(title: view.t("editor_refused"), [error.message.text(view.language)], status: 500)
            }
            return .redirect(to: "\(Editor.root)updates/\(update.slug)?unpublished=1", status: 303)
        }
    }

    func delete() -> HTTPResponse {
        removing { update, relative, _ in
            // The update's own photos go with it: those named after it that no other update shows.
            let others = editor.linked().0?.updates.filter { $0.slug != update.slug } ?? []
            let used = Set(others.flatMap { [$0.cover?.path].compactMap { $0 } + $0.images.keys })
            let own = ([update.cover?.path].compactMap { $0 } + update.images.keys.sorted())
                .filter { $0.hasPrefix("updates/images/\(update.slug).") || $0.hasPrefix("updates/images/\(update.slug)-photo-") }
                .filter { !used.contains($0) && editor.read($0) != nil }
            let folder: String
            do throws(EditorError) {
                folder = try editor.moveToTrash([relative] + own)
            } catch {
                return view.message(title: view.t("editor_refused"), [error.message.text(view.language)], status: 500)
            }
            return view.message(title: view.t("editor_deleted_title"),
                                [view.fill("editor_deleted", ["path": "Content/\(relative)", "trash": "Content/\(folder)/"])],
                                status: 200, saved: true)
        }
    }

    /// The update the confirmed form names, if its file is as it was when the question was asked.
    private func removing(_ body: (Update, String, [UInt8]) -> HTTPResponse) -> HTTPResponse {
        let slug = request.form["slug"]
        let relative = "updates/\(slug).md"
        guard IDRules.isValid(slug) else { return view.notFound() }
        return editor.serialised([relative]) {
            guard let current = editor.read(relative),
                  let update = editor.linked().0?.updates.first(where: { $0.slug == slug }) else { return view.notFound() }
            guard Editor.stamp(current) == request.form["stamp"] else {
                return view.message(title: view.t("editor_conflict_heading"),
                                    [Message.editorFileChanged(path: "Content/\(relative)").text(view.language)], status: 409)
            }
            return body(update, relative, current)
        }
    }
}

/// `site/as-of`: moves the site's as-of date (`as_of:` in `site.yaml`) to today, so that
/// today's update is not «scheduled». Only the date on that line changes.
struct SiteDateForm {
    let request: EditorRequest
    init(_ request: EditorRequest) { self.request = request }

    /// `as_of: 2026-01-01   # note` with the date replaced, or nil when there is no such line.
    static func moved(_ text: String, to date: CalendarDate) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("as_of:") }) else { return nil }
        let line = lines[index]
        let after = line.dropFirst("as_of:".count)
        let spaces = after.prefix { $0 == " " }
        let value = after.dropFirst(spaces.count)
        let end: String.Index
        if let quote = value.first, quote == "\"" || quote == "'" {
            end = value.dropFirst().firstIndex(of: quote).map { value.index(after: $0) } ?? value.endIndex
        } else {
            end = value.firstIndex { $0 == " " || $0 == "#" || $0 == "\r" } ?? value.endIndex
        }
        lines[index] = "as_of:" + spaces + date.iso + value[end...]
        return lines.joined(separator: "\n")
    }

    func moveToToday() -> HTTPResponse {
        let editor = request.editor, view = request.view
        let back = request.form["return"]
        let target = Editor.root + (back.allSatisfy { $0.isLetter || $0.isNumber || "-/_".contains($0) } ? back : "")
        return editor.serialised(["site.yaml"]) {
            guard let current = editor.read("site.yaml") else { return view.notFound() }
            guard Editor.stamp(current) == request.form["site_stamp"] else {
                return view.message(title: view.t("editor_conflict_heading"),
                                    [Message.editorFileChanged(path: "Content/site.yaml").text(view.language)], status: 409)
            }
            guard let text = Self.moved(String(decoding: current, as: UTF8.self), to: BuildDate.today()) else {
                return view.message(title: view.t("editor_refused"), [Message.editorAsOfLineMissing(path: "Content/site.yaml").text(view.language)],
                                    status: 422)
            }
            do throws(EditorError) {
                try editor.write(Array(text.utf8), to: "site.yaml", mode: .replace)
            } catch {
                return view.message(title: view.t("editor_refused"), [error.message.text(view.language)], status: 500)
            }
            // From inside the update form (no script): the form again, as it was typed.
            if request.form.values["title"] != nil {
                return UpdateForm(request).again(notice: view.fill("editor_as_of_moved", ["date": BuildDate.today().iso]))
            }
            return .redirect(to: target, status: 303)
        }
    }
}
