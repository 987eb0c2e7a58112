#include "viewedfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace cwi {

using namespace Qt::StringLiterals;

ViewedFiles::ViewedFiles(const QString &folder)
    : m_folder(folder.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/review-viewed"_s
            : folder)
{ }

QString ViewedFiles::contentId(const DiffFile &file)
{
    const QString blob = file.status == DiffFile::Deleted ? file.oldBlob : file.newBlob;
    // Without an index line (an unusual diff) the status stands in, so the tick still holds.
    return blob.isEmpty() ? diffStatusName(file.status) : blob;
}

void ViewedFiles::clear()
{
    m_path.clear();
    m_head.clear();
    m_viewed.clear();
}

void ViewedFiles::load(const QString &phaseId, const QString &projectId, const QString &headSha)
{
    clear();
    if (phaseId.isEmpty())
        return;
    // Ids come from the database: hashed into the file name, never used as a path.
    const QByteArray key = QCryptographicHash::hash((phaseId + u'\n' + projectId).toUtf8(), QCryptographicHash::Sha1);
    m_path = m_folder + u'/' + QString::fromLatin1(key.toHex()) + u".json"_s;
    m_head = headSha;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject files = QJsonDocument::fromJson(file.read(4 << 20)).object().value("files"_L1).toObject();
    for (auto it = files.begin(); it != files.end(); ++it)
        m_viewed.insert(it.key(), it.value().toObject().value("content"_L1).toString());
}

bool ViewedFiles::isViewed(const DiffFile &file) const
{
    const auto it = m_viewed.constFind(file.path());
    return it != m_viewed.cend() && *it == contentId(file);
}

int ViewedFiles::viewedCount(const QVector<DiffFile> &files) const
{
    int n = 0;
    for (const DiffFile &f : files)
        n += isViewed(f) ? 1 : 0;
    return n;
}

bool ViewedFiles::setViewed(const DiffFile &file, bool viewed)
{
    if (m_path.isEmpty())
        return false;
    if (viewed)
        m_viewed.insert(file.path(), contentId(file));
    else
        m_viewed.remove(file.path());
    QJsonObject files;
    for (auto it = m_viewed.cbegin(); it != m_viewed.cend(); ++it)
        files.insert(it.key(), QJsonObject { { u"content"_s, it.value() }, { u"head"_s, m_head } });
    if (!QDir().mkpath(m_folder))
        return false;
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(QJsonDocument(QJsonObject { { u"files"_s, files } }).toJson(QJsonDocument::Compact));
    return out.commit();
}

} // namespace cwi
