#include "difffiletreemodel.h"

#include "difffilelistmodel.h"
#include "difftypes.h"
#include "render/htmlwriter.h"
#include "statuscolors.h"
#include "viewedfiles.h"

#include <QFont>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace cwi {

using namespace Qt::StringLiterals;

DiffFileTreeModel::DiffFileTreeModel(DiffFileListModel *files, ViewedFiles *viewed, QObject *parent)
    : QAbstractItemModel(parent)
    , m_files(files)
    , m_viewed(viewed)
{
    connect(m_files, &QAbstractItemModel::modelReset, this, &DiffFileTreeModel::rebuild);
    connect(m_files, &QAbstractItemModel::rowsInserted, this, &DiffFileTreeModel::rebuild);
    connect(m_files, &QAbstractItemModel::dataChanged, this, &DiffFileTreeModel::recount);
    rebuild();
}

void DiffFileTreeModel::rebuild()
{
    beginResetModel();
    const QVector<DiffFile> &files = m_files->files();
    // A first tree with every folder level, then folded and flattened into m_nodes.
    QVector<Node> raw(1);
    QHash<QString, int> folders;
    for (int i = 0; i < files.size(); ++i) {
        const DiffFile &f = files.at(i);
        const QString path = f.path();
        const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
        int parent = 0;
        QString folderPath;
        for (int p = 0; p + 1 < parts.size(); ++p) {
            folderPath += (p ? u"/"_s : QString()) + parts.at(p);
            int folder = folders.value(folderPath, -1);
            if (folder < 0) {
                folder = int(raw.size());
                Node n;
                n.name = parts.at(p);
                n.path = folderPath;
                n.parent = parent;
                raw.append(n);
                raw[parent].children.append(folder);
                folders.insert(folderPath, folder);
            }
            parent = folder;
        }
        Node n;
        n.name = parts.isEmpty() ? path : parts.last();
        if (f.oldPath != f.newPath && (f.status == DiffFile::Renamed || f.status == DiffFile::Copied))
            n.name += u"  ← "_s + f.oldPath;
        n.path = f.displayPath();
        n.parent = parent;
        n.file = i;
        raw.append(n);
        raw[parent].children.append(int(raw.size() - 1));
    }
    // "src" holding only "components" reads as one row "src/components".
    for (int i = 1; i < raw.size(); ++i) {
        while (raw[i].file < 0 && raw[i].children.size() == 1 && raw[raw[i].children.first()].file < 0) {
            const Node child = raw[raw[i].children.first()];
            raw[i].name += u'/' + child.name;
            raw[i].path = child.path;
            raw[i].children = child.children;
        }
    }
    // Folders first, then files, each by name; flattened depth first.
    m_nodes.clear();
    m_nodes.append(Node());
    m_nodeOfFile.fill(-1, files.size());
    const auto flatten = [&](auto &&self, int rawNode, int node) -> void {
        QVector<int> children = raw.at(rawNode).children;
        std::sort(children.begin(), children.end(), [&raw](int a, int b) {
            const bool aFolder = raw.at(a).file < 0;
            const bool bFolder = raw.at(b).file < 0;
            if (aFolder != bFolder)
                return aFolder;
            return raw.at(a).name.compare(raw.at(b).name, Qt::CaseInsensitive) < 0;
        });
        for (int rawChild : std::as_const(children)) {
            Node n = raw.at(rawChild);
            n.children.clear();
            n.parent = node;
            n.row = int(m_nodes[node].children.size());
            const int id = int(m_nodes.size());
            m_nodes.append(n);
            m_nodes[node].children.append(id);
            if (n.file >= 0)
                m_nodeOfFile[n.file] = id;
            else
                self(self, rawChild, id);
        }
    };
    flatten(flatten, 0, 0);
    for (Node &n : m_nodes) {
        if (n.file >= 0) {
            n.added = files.at(n.file).additions;
            n.removed = files.at(n.file).deletions;
        }
    }
    // Folders add up their files (descendants come after their folder, so walk backwards).
    for (int i = int(m_nodes.size()) - 1; i > 0; --i) {
        const int p = m_nodes.at(i).parent;
        if (p > 0) {
            m_nodes[p].added += m_nodes.at(i).added;
            m_nodes[p].removed += m_nodes.at(i).removed;
        }
    }
    countUnresolved();
    endResetModel();
}

void DiffFileTreeModel::recount()
{
    countUnresolved();
    for (const Node &folder : std::as_const(m_nodes)) {
        if (folder.file >= 0 || folder.children.isEmpty())
            continue;
        const int id = int(&folder - m_nodes.constData());
        const QModelIndex parent = id == 0 ? QModelIndex() : createIndex(folder.row, 0, quintptr(id));
        Q_EMIT dataChanged(index(0, 0, parent), index(int(folder.children.size()) - 1, ColumnCount - 1, parent));
    }
}

void DiffFileTreeModel::countUnresolved()
{
    for (Node &n : m_nodes)
        n.unresolved = n.file >= 0 ? m_files->countFor(n.file).unresolved : 0;
    for (int i = int(m_nodes.size()) - 1; i > 0; --i) {
        const int p = m_nodes.at(i).parent;
        if (p > 0)
            m_nodes[p].unresolved += m_nodes.at(i).unresolved;
    }
}

void DiffFileTreeModel::viewedReloaded()
{
    recount();
}

int DiffFileTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : 0;
}

QModelIndex DiffFileTreeModel::indexOfFile(int fileIndex, int column) const
{
    const int node = m_nodeOfFile.value(fileIndex, -1);
    return node < 0 ? QModelIndex() : createIndex(m_nodes.at(node).row, column, quintptr(node));
}

QVector<int> DiffFileTreeModel::filesInTreeOrder() const
{
    QVector<int> out;
    out.reserve(m_nodeOfFile.size());
    for (const Node &n : m_nodes) // depth-first order already
        if (n.file >= 0)
            out.append(n.file);
    return out;
}

QModelIndex DiffFileTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const int p = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || p >= m_nodes.size() || row >= m_nodes.at(p).children.size())
        return {};
    return createIndex(row, column, quintptr(m_nodes.at(p).children.at(row)));
}

QModelIndex DiffFileTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_nodes.at(nodeOf(child)).parent;
    if (p <= 0)
        return {};
    return createIndex(m_nodes.at(p).row, 0, quintptr(p));
}

int DiffFileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const int p = nodeOf(parent);
    return p < m_nodes.size() ? int(m_nodes.at(p).children.size()) : 0;
}

int DiffFileTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return ColumnCount;
}

QString DiffFileTreeModel::statusLetter(int fileIndex) const
{
    const DiffFile &f = m_files->files().at(fileIndex);
    if (f.binary)
        return u"B"_s;
    switch (f.status) {
    case DiffFile::Added:
        return u"A"_s;
    case DiffFile::Deleted:
        return u"D"_s;
    case DiffFile::Renamed:
        return u"R"_s;
    case DiffFile::Copied:
        return u"C"_s;
    case DiffFile::Modified:
        break;
    }
    return u"M"_s;
}

QVariant DiffFileTreeModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    const Node &n = m_nodes.at(nodeOf(index));
    const bool isFile = n.file >= 0;
    const bool binary = isFile && m_files->files().at(n.file).binary;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return n.name;
        case StatusColumn:
            return isFile ? statusLetter(n.file) : QString();
        case AddedColumn:
            return binary || n.added == 0 ? QString() : u"+"_s + QLocale().toString(n.added);
        case RemovedColumn:
            return binary || n.removed == 0 ? QString() : u"−"_s + QLocale().toString(n.removed);
        case CommentsColumn:
            return n.unresolved == 0 ? QString() : QLocale().toString(n.unresolved);
        }
        break;
    case Qt::ToolTipRole:
        if (isFile) {
            const CommentCount c = m_files->countFor(n.file);
            return render::plainToolTip(tr("%1\n%2, +%3 −%4\n%5 comments, %6 unresolved")
                                            .arg(n.path, m_files->statusText(n.file))
                                            .arg(n.added)
                                            .arg(n.removed)
                                            .arg(c.total)
                                            .arg(c.unresolved));
        }
        return render::plainToolTip(n.path);
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && isFile)
            return statusColor({}, {}, binary ? u"binary"_s : diffStatusName(m_files->files().at(n.file).status));
        if (index.column() == AddedColumn)
            return statusColor({}, {}, u"added"_s);
        if (index.column() == RemovedColumn)
            return statusColor({}, {}, u"removed"_s);
        if (index.column() == CommentsColumn)
            return statusColor({}, {}, u"pending_review"_s);
        break;
    case Qt::FontRole:
        if ((index.column() == StatusColumn || index.column() == CommentsColumn)
            || (!isFile && index.column() == NameColumn)) {
            QFont bold;
            bold.setBold(index.column() != NameColumn || !isFile);
            return bold;
        }
        break;
    case Qt::CheckStateRole:
        if (isFile && index.column() == NameColumn && m_viewed)
            return m_viewed->isViewed(m_files->files().at(n.file)) ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case FileIndexRole:
        return n.file;
    case PathRole:
        return n.path;
    case UnresolvedCountRole:
        return n.unresolved;
    }
    return {};
}

bool DiffFileTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Node &n = m_nodes.at(nodeOf(index));
    if (role != Qt::CheckStateRole || n.file < 0 || !m_viewed)
        return false;
    const bool viewed = value.toInt() == Qt::Checked;
    if (!m_viewed->setViewed(m_files->files().at(n.file), viewed))
        return false;
    Q_EMIT dataChanged(index, index, { Qt::CheckStateRole });
    Q_EMIT viewedChanged(n.file, viewed);
    return true;
}

Qt::ItemFlags DiffFileTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (index.isValid() && index.column() == NameColumn && m_viewed && m_nodes.at(nodeOf(index)).file >= 0)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant DiffFileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn:
            return tr("Tick a file once you have read it (remembered until its content changes)");
        case StatusColumn:
            return tr("A added, M modified, R renamed, C copied, D deleted, B binary");
        case CommentsColumn:
            return tr("Unresolved comments");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("File");
    case StatusColumn:
        return QString();
    case AddedColumn:
        return u"+"_s;
    case RemovedColumn:
        return u"−"_s;
    case CommentsColumn:
        return u"⚑"_s;
    }
    return {};
}

} // namespace cwi
