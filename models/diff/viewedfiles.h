#pragma once

// Which files of a review the reviewer ticked "Viewed". Kept per phase and project in a small
// JSON file in the application's data folder (QStandardPaths::AppDataLocation, review-viewed/),
// never in the Codewalkers file. Each file is remembered with the head commit and the blob id it
// had when it was ticked: when the head moves, a file whose content changed has another blob and
// reads as not viewed again; untouched files stay viewed.

#include "difftypes.h"

#include <QHash>
#include <QString>

namespace cwi {

class ViewedFiles
{
public:
    // FOLDER: where the JSON files go; empty means <AppDataLocation>/review-viewed.
    explicit ViewedFiles(const QString &folder = {});

    // Reads what was ticked for this phase and project; HEAD is the commit now under review.
    void load(const QString &phaseId, const QString &projectId, const QString &headSha);
    void clear();

    bool isViewed(const DiffFile &file) const;
    // Ticks or unticks FILE and writes the JSON file at once; false when it could not be written.
    bool setViewed(const DiffFile &file, bool viewed);
    int viewedCount(const QVector<DiffFile> &files) const;

    QString filePath() const { return m_path; } // of the current phase and project

private:
    // What identifies the file's content at the head: its new blob (old one when deleted).
    static QString contentId(const DiffFile &file);

    QString m_folder;
    QString m_path;
    QString m_head;
    QHash<QString, QString> m_viewed; // path -> content id when ticked
};

} // namespace cwi
