#pragma once

// A Codewalkers fixture for the review: initiative I1 (branch cw/feature) with project PJ whose
// url is REPO, phase P1, and review comments anchored to the diff of gitfixture.h's repository:
//   RC-added  app.txt line 6 (added), unresolved
//   RC-removed app.txt line 3 (removed), resolved
//   RC-outdated app.txt line 40 (context): not in the diff
//   RC-gone   vanished.txt line 1 (added): file not in the diff

#include "fixtures.h"

#include <QString>
#include <QVariantMap>

namespace cwi::test {

inline bool makeReviewFixture(
    const QString &dbPath, const QString &repo, const QString &mergeBase = {}, NameStyle style = NameStyle::SnakeCase)
{
    if (!createFixture(dbPath, style))
        return false;
    const QString c = openRaw(dbPath);
    using M = QVariantMap;
    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    bool ok = !insertRow(c, s("initiatives"),
        M { { s("id"), s("I1") }, { s("name"), s("User auth") }, { s("status"), s("active") },
            { s("branch"), s("cw/feature") } })
                   .isEmpty();
    ok = ok
        && !insertRow(c, s("projects"),
            M { { s("id"), s("PJ") }, { s("name"), s("app") }, { s("url"), repo }, { s("defaultBranch"), s("main") } })
                .isEmpty();
    ok = ok
        && !insertRow(c, s("initiative_projects"), M { { s("initiativeId"), s("I1") }, { s("projectId"), s("PJ") } })
                .isEmpty();
    M phase { { s("id"), s("P1") }, { s("initiativeId"), s("I1") }, { s("name"), s("Login form") },
        { s("status"), s("pending_review") } };
    if (!mergeBase.isEmpty())
        phase.insert(s("mergeBase"), mergeBase);
    ok = ok && !insertRow(c, s("phases"), phase).isEmpty();
    const auto comment
        = [&](const char *id, const char *file, int line, const char *type, bool resolved, qint64 created) {
              return !insertRow(c, s("review_comments"),
                  M { { s("id"), s(id) }, { s("phaseId"), s("P1") }, { s("filePath"), s(file) },
                      { s("lineNumber"), line }, { s("lineType"), s(type) },
                      { s("body"), QString(s("Comment ") + s(id) + s("\nsecond line")) }, { s("author"), s("you") },
                      { s("resolved"), resolved ? 1 : 0 }, { s("createdAt"), created }, { s("updatedAt"), created } })
                          .isEmpty();
          };
    ok = ok && comment("RC-added", "app.txt", 6, "added", false, 1700000000)
        && comment("RC-removed", "app.txt", 3, "removed", true, 1700000100)
        && comment("RC-outdated", "app.txt", 40, "context", false, 1700000200)
        && comment("RC-gone", "vanished.txt", 1, "added", false, 1700000300);
    closeRaw(c);
    return ok;
}

} // namespace cwi::test
