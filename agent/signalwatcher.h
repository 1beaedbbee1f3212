// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <csignal>

class QSocketNotifier;

namespace Amo::Agent {

/**
 * Turns SIGTERM and SIGINT into a Qt signal on the event loop (the self-pipe trick): the handler
 * only writes the signal number into a pipe, and a QSocketNotifier reads it. One instance at a
 * time; the destructor restores the previous handlers.
 */
class SignalWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signalNumber);

private:
    static void onSignal(int signalNumber);
    void drain();

    QSocketNotifier *m_notifier = nullptr;
    struct sigaction m_oldTerm = {};
    struct sigaction m_oldInt = {};
};

} // namespace Amo::Agent
