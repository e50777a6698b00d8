/// Provenance of output files: which content file a page (or a copied file) is made
/// from, so that a failure writing it names both (issue 15, defect 13).
extension SiteGraph {
    /// The content folder (`Content`), the folder of site.yaml.
    var contentRoot: String { OutputSession.parent(site.settings.location.file) }

    /// A path inside the content folder as printed in messages: `Content/updates/images/x.jpg`.
    func contentFile(_ relative: String) -> String {
        contentRoot.isEmpty ? relative : contentRoot + "/" + relative
    }

    /// The content file (with the item's line where known) a page is made from; nil for
    /// pages made from the whole site (home, lists, search, feeds).
    func origin(of page: PageID) -> SourceLocation? {
        switch page {
        case .plan(let id), .planPrint(let id), .planTimeline(let id):
            return plan(id)?.plan.location
        case .goal(let id, let goal):
            guard let index = plan(id), let g = index.goalByID[goal] else { return nil }
            return index.goals[g].goal.location
        case .measure(let id, let number):
            guard let index = plan(id), let m = index.measureByNumber[number] else { return nil }
            return index.measures[m].measure.location
        case .indicator(let id, let indicator), .indicatorValues(let id, let indicator, _):
            guard let index = plan(id), let i = index.indicatorByID[indicator] else { return nil }
            return index.indicators[i].indicator.location
        case .planSource(let id), .planSourceText(let id):
            guard let source = plan(id)?.plan.source else { return nil }
            return SourceLocation(file: contentFile("sources/" + source))
        case .planSourceNotes(let id):
            return SourceLocation(file: contentFile("sources/\(id).md"))
        case .executor(let id):
            return executors[id]?.location
        case .update(let slug):
            return updateBySlug[slug].map { updates[$0].location }
        case .updateCover(let slug, _):
            guard let cover = updateBySlug[slug].flatMap({ updates[$0].cover }) else { return nil }
            return SourceLocation(file: contentFile(cover.path))
        case .updatePhoto(let slug, _):
            return updateBySlug[slug].map { updates[$0].location }
        case .report(let id):
            return monitoring.reportByID[id].map { site.reports[$0].location }
        default:
            return nil
        }
    }
}
