"""Scale-out mode end to end: real redis-server, real `wutong worker` processes, one shared database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.services.recordings import recording_data
from app.store.jobs import Job
from tests.cluster.conftest import Cluster, watch

pytestmark = pytest.mark.slow


def first_running(history: list[Job]) -> int:
    """Index of the first sample that saw the job running."""
    return next(i for i, row in enumerate(history) if row.status == "running")


def workers_that_ran(cluster: Cluster, job: Job) -> list[str]:
    return [name for name in cluster.workers.procs if cluster.workers.ran(name, job.id)]


def assert_one_transcript(cluster: Cluster, job: Job) -> None:
    """The recording has one transcript file, the one the job reported, and no leftover temp files."""
    data = recording_data(cluster.ctx, job.tenant_id, job.subject_id)
    transcript = json.loads(data.transcript.read_text(encoding="utf-8"))
    assert transcript["segments"] and len(transcript["segments"]) == job.result["segments"]
    assert [p.name for p in data.transcript.parent.iterdir()] == [data.transcript.name]


def test_two_workers_run_two_tenants_jobs_at_once(cluster: Cluster, short_audio: Path) -> None:
    cluster.workers.ensure("w1", "w2")
    jobs = [cluster.transcribe(cluster.tenant(name), short_audio) for name in ("tenant-a", "tenant-b")]
    together: list[bool] = []
    history = watch(cluster, jobs, on_sample=lambda rows: together.append(all(r.status == "running" for r in rows)))
    finished = [seen[-1] for seen in history]
    assert [job.status for job in finished] == ["succeeded", "succeeded"], [j.error_message for j in finished]
    assert any(together), "the two tenants' jobs never ran at the same time"
    ran = [workers_that_ran(cluster, job) for job in jobs]
    assert sorted(sum(ran, [])) == ["w1", "w2"], ran  # each job on one worker, one job per worker
    for job in finished:
        assert_one_transcript(cluster, job)


def test_job_of_a_killed_worker_finishes_on_the_other(cluster: Cluster, two_window_audio: Path) -> None:
    cluster.workers.ensure("w1", "w2")
    job = cluster.transcribe(cluster.tenant("tenant-c"), two_window_audio)
    killed: list[str] = []

    def kill_mid_transcription(rows: list[Job]) -> None:
        row = rows[0]
        if not killed and row.status == "running" and row.stage == "transcribing" and row.progress >= 0.15:
            killed.extend(workers_that_ran(cluster, job))
            cluster.workers.kill(killed[0])

    history = watch(cluster, [job], timeout=600, on_sample=kill_mid_transcription)[0]
    done = history[-1]
    assert killed, "the job finished before a worker could be killed"
    assert done.status == "succeeded", done.error_message
    assert done.attempts == 2
    assert set(workers_that_ran(cluster, job)) == {"w1", "w2"}
    progress = [row.progress for row in history]
    assert progress == sorted(progress), "progress went backwards"
    assert (done.progress, done.stage) == (1.0, "done")
    assert_one_transcript(cluster, done)
    cluster.workers.ensure(*killed)


def test_redis_restart_loses_no_job(cluster: Cluster, short_audio: Path) -> None:
    cluster.workers.ensure("w1", "w2")
    tenants = [cluster.tenant(name) for name in ("tenant-d", "tenant-e")]
    jobs = [cluster.transcribe(tenant, short_audio) for tenant in tenants for _ in range(2)]
    watch_until_one_runs(cluster, jobs)
    cluster.redis.kill()  # SIGKILL: the append-only file (fsync always) is all that survives
    jobs.append(cluster.transcribe(tenants[0], short_audio))  # accepted while Redis is down: sent later
    cluster.redis.start()
    finished = [seen[-1] for seen in watch(cluster, jobs, timeout=600)]
    assert [job.status for job in finished] == ["succeeded"] * 5, [job.error_message for job in finished]
    for job in finished:
        assert_one_transcript(cluster, job)


def watch_until_one_runs(cluster: Cluster, jobs: list[Job]) -> None:
    class Running(Exception):
        pass

    def stop_when_running(rows: list[Job]) -> None:
        if any(row.status == "running" for row in rows):
            raise Running

    with pytest.raises(Running):
        watch(cluster, jobs, timeout=300, on_sample=stop_when_running)


def test_tenant_over_its_limit_waits_while_another_tenant_runs(cluster: Cluster, short_audio: Path) -> None:
    cluster.workers.ensure("w1", "w2")
    busy, other = cluster.tenant("tenant-f"), cluster.tenant("tenant-g")
    jobs = [cluster.transcribe(busy, short_audio), cluster.transcribe(busy, short_audio),
            cluster.transcribe(other, short_audio)]  # limits.heavy_jobs = 1 per tenant
    busy_at_once: list[int] = []
    history = watch(cluster, jobs, on_sample=lambda rows: busy_at_once.append(
        sum(row.status == "running" for row in rows[:2])))
    assert [seen[-1].status for seen in history] == ["succeeded"] * 3
    assert max(busy_at_once) == 1, "the busy tenant ran two jobs at once"
    second, others = first_running(history[1]), first_running(history[2])
    assert others < second, "the other tenant's job waited behind the busy tenant's second job"
