/** Chapters 4–6: the training loop ({@link dlfs.train.Trainer}, which records a {@link dlfs.monitor.History} and stops diverging runs with a {@link dlfs.monitor.TrainingDivergedException}), its progress line ({@link dlfs.train.Progress}) and the gradient check of ch5 ({@link dlfs.train.GradientCheck}). The chapters' experiments that use it are in {@code dlfs.experiments}. */
package dlfs.train;
