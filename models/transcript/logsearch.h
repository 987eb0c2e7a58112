#pragma once

// Search of one session's transcript, in a worker: the needle, the lines that hold it and a
// cursor over them (next, previous, wrapping). What counts as a hit follows the mode shown: the
// transcript's text, or in raw mode every stored byte. Progress and cancel for the search bar.

#include "jobtracker.h"
#include "transcriptsearch.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace cwi {

class TranscriptModel;

class LogSearch : public QObject
{
    Q_OBJECT
public:
    // Searches TRANSCRIPT's current transcript (not owned).
    explicit LogSearch(const TranscriptModel *transcript, QObject *parent = nullptr);
    ~LogSearch() override;

    // Searches the whole session; the first hit follows (lineRequested). An empty needle clears.
    void find(const QString &needle);
    void cancel(); // the search stops and reports "cancelled"
    void clear(); // another session: no needle, no hits, the running search dropped
    void findNext();
    void findPrevious();
    // Raw mode counts hits in every stored field (ids, keys): a running needle is searched again.
    void setRawMode(bool raw);

    const TranscriptSearchResult &result() const { return m_result; } // the last search's hits
    QString needle() const { return m_result.needle; }
    int hitCount() const { return int(m_result.lines.size()); }
    int currentHit() const { return m_hit; } // -1 before the first
    bool isSearching() const { return m_state != nullptr; }
    int progress() const; // per mille: of the running search, 1000 once one finished
    // "2 / 5 lines (7 hits)", "searching…", "no hits", "cancelled", or empty without a needle.
    QString hitText() const;
    JobTracker *jobs() const { return &m_jobs; }

Q_SIGNALS:
    void changed(); // needle, hits, cursor or running state
    void lineRequested(int line); // the current hit: show it

private:
    struct State
    {
        std::atomic_bool cancel { false };
        std::atomic_int progress { 0 };
    };
    void stop();
    void onDone(const TranscriptSearchResult &result);

    const TranscriptModel *m_transcript;
    mutable JobTracker m_jobs;
    TranscriptSearchResult m_result;
    int m_hit = -1;
    bool m_raw = false;
    bool m_finished = false; // m_result holds a finished search's result
    std::shared_ptr<State> m_state; // of the running search
};

} // namespace cwi
