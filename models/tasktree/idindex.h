#pragma once

// Node numbers by id, for the task tree's ids (20,000 tasks on the large benchmark file). A
// QHash<QString, int> keeps a copy of every id and compares the strings of each slot it probes:
// every insert touches the id's reference count and every probe its characters, a cache miss
// each, and that was most of the tree's build. This table keeps only (hash, node) pairs in one
// flat array (open addressing, linear probing) and reads an id, through the caller's ID_OF(node),
// only where the hashes agree: once per lookup that finds something.
//
// The hash is Qt's seeded qHash, so ids crafted to collide cost no more than with QHash. The ids
// themselves stay where they are (the snapshot): pass the same ID_OF that inserted them.

#include <QHash>
#include <QStringView>
#include <QVector>

#include <utility>

namespace cwi {

class IdIndex
{
public:
    using HashFunction = size_t (*)(QStringView, size_t seed);

    // HASH is for tests (a constant one makes every id collide); anything else uses the default.
    explicit IdIndex(HashFunction hash = &defaultHash)
        : m_hash(hash)
    { }

    void reserve(qsizetype count)
    {
        if (count * 2 > m_slots.size())
            rehash(count * 2);
    }
    qsizetype size() const { return m_size; }

    // Adds NODE under ID when ID is not there yet and returns -1; else returns the node already
    // there (the first one wins, as with the rows of a duplicated id).
    template<typename IdOf> int insert(QStringView id, int node, IdOf idOf)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            rehash(qMax<qsizetype>(16, m_slots.size() * 2));
        const quint32 tag = quint32(m_hash(id, qGlobalQHashSeed()));
        const qsizetype mask = m_slots.size() - 1;
        for (qsizetype i = tag & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.node < 0) {
                slot = { tag, node };
                ++m_size;
                return -1;
            }
            if (slot.tag == tag && idOf(slot.node) == id)
                return slot.node;
        }
    }

    // The node under ID, or FALLBACK.
    template<typename IdOf> int value(QStringView id, IdOf idOf, int fallback = -1) const
    {
        if (m_size == 0)
            return fallback;
        const quint32 tag = quint32(m_hash(id, qGlobalQHashSeed()));
        const qsizetype mask = m_slots.size() - 1;
        for (qsizetype i = tag & mask;; i = (i + 1) & mask) {
            const Slot &slot = m_slots[i];
            if (slot.node < 0)
                return fallback;
            if (slot.tag == tag && idOf(slot.node) == id)
                return slot.node;
        }
    }

private:
    struct Slot
    {
        quint32 tag = 0; // the hash's low 32 bits (a table never has 2^32 slots)
        int node = -1; // -1: empty
    };

    static size_t defaultHash(QStringView id, size_t seed) { return qHash(id, seed); }

    // WANTED slots rounded up to a power of two; the tags place the nodes again.
    void rehash(qsizetype wanted)
    {
        qsizetype capacity = 16;
        while (capacity < wanted)
            capacity *= 2;
        QVector<Slot> old = std::exchange(m_slots, QVector<Slot>(capacity));
        const qsizetype mask = capacity - 1;
        for (const Slot &slot : std::as_const(old)) {
            if (slot.node < 0)
                continue;
            qsizetype i = slot.tag & mask;
            while (m_slots[i].node >= 0)
                i = (i + 1) & mask;
            m_slots[i] = slot;
        }
    }

    HashFunction m_hash;
    QVector<Slot> m_slots;
    qsizetype m_size = 0;
};

} // namespace cwi
