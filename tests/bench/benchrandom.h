#pragma once

// Deterministic randomness for the benchmark database: the same file on every machine.

#include <QByteArray>
#include <QString>

#include <random>

namespace cwi::bench {

class BenchRandom
{
public:
    explicit BenchRandom(quint64 seed)
        : m_engine(seed)
    { }

    // Uniform in [lo, hi], both included.
    int range(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_engine); }
    qint64 range64(qint64 lo, qint64 hi) { return std::uniform_int_distribution<qint64>(lo, hi)(m_engine); }
    double real() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_engine); }
    bool chance(double p) { return real() < p; }

    // 21 URL-safe characters, like nanoid().
    QByteArray nanoid()
    {
        static constexpr char alphabet[] = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";
        QByteArray id(21, Qt::Uninitialized);
        for (char &c : id)
            c = alphabet[m_engine() & 63];
        return id;
    }
    QString nanoidString() { return QString::fromLatin1(nanoid()); }

    QByteArray hex(int length)
    {
        static constexpr char digits[] = "0123456789abcdef";
        QByteArray out(length, Qt::Uninitialized);
        for (char &c : out)
            c = digits[m_engine() & 15];
        return out;
    }
    QByteArray uuid() { return hex(8) + '-' + hex(4) + '-' + hex(4) + '-' + hex(4) + '-' + hex(12); }
    QByteArray base62(int length)
    {
        static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        QByteArray out(length, Qt::Uninitialized);
        for (char &c : out)
            c = alphabet[m_engine() % 62];
        return out;
    }

    template<typename List> const auto &pick(const List &list) { return list.at(range(0, int(list.size()) - 1)); }

private:
    std::mt19937_64 m_engine;
};

} // namespace cwi::bench
