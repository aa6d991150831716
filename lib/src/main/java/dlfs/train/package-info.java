/** Chapters 4–6: the training loop ({@link dlfs.train.Trainer}) and what it records ({@link dlfs.train.History}, a Tablesaw table), the gradient check of ch5 ({@link dlfs.train.GradientCheck}), and the NaN/Inf stop ({@link dlfs.train.TrainingDivergedException}). */
package dlfs.train;
